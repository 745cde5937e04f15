using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>
/// The stage after models are gathered: resolves <c>g.Use</c> across models (used models are analyzed first)
/// and infers each model's shapes. A cycle of uses is reported once, as DSL0310 at the <c>g.Use</c> that leads
/// into the cycle's ordinal-first model. That rule depends only on the cycle itself, not on the order models
/// are visited in or on which other models are present, so the generator (all models at once) and the analyzer
/// (one model and what it uses) report the same diagnostic at the same place.
/// </summary>
internal static class Analysis
{
    public static ImmutableArray<AnalyzedModel> AnalyzeAll(ImmutableArray<ModelSpec> specs, CancellationToken cancellationToken)
    {
        var resolver = new Resolver(ByName(specs), cancellationToken);
        return resolver.Specs.Values.Select(resolver.Analyze).ToImmutableArray();
    }

    /// <summary>Analyzes <paramref name="target"/> given the models it may use (they may include more).</summary>
    public static AnalyzedModel AnalyzeOne(ModelSpec target, IEnumerable<ModelSpec> others, CancellationToken cancellationToken)
    {
        var specs = ByName(new[] { target }.Concat(others));
        return new Resolver(specs, cancellationToken).Analyze(specs[target.FullName]);
    }

    private static Dictionary<string, ModelSpec> ByName(IEnumerable<ModelSpec> specs)
    {
        var byName = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            // A class marked [Model] on two partial declarations is one model (C# reports the duplicate attribute).
            if (!byName.ContainsKey(spec.FullName))
            {
                byName[spec.FullName] = spec;
            }
        }

        return byName;
    }

    private sealed class Resolver
    {
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<string, AnalyzedModel> done = new(StringComparer.Ordinal);

        public Resolver(Dictionary<string, ModelSpec> specs, CancellationToken cancellationToken)
        {
            Specs = specs;
            this.cancellationToken = cancellationToken;
        }

        public Dictionary<string, ModelSpec> Specs { get; }

        public AnalyzedModel Analyze(ModelSpec spec)
        {
            if (done.TryGetValue(spec.FullName, out var analyzed))
            {
                return analyzed;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var cycles = new List<DiagnosticInfo>();
            var uses = new List<ResolvedUse>();
            foreach (var use in spec.Uses)
            {
                // A use that leads back to this model is never resolved (that recursion would not end), whichever
                // model of the cycle is analyzed first.
                var back = PathBetween(use.Model, spec.FullName);
                if (back is not null)
                {
                    if (back.All(name => string.CompareOrdinal(use.Model, name) <= 0))
                    {
                        string path = string.Join(" -> ", back.Concat(new[] { use.Model }).Select(Short));
                        cycles.Add(DiagnosticInfo.Create(Descriptors.UseCycle, spec.ClassName, use.Site, spec.ClassName, Short(use.Model), path));
                    }

                    uses.Add(new ResolvedUse(use, null));
                }
                else
                {
                    uses.Add(new ResolvedUse(use, Specs.TryGetValue(use.Model, out var used) ? Analyze(used) : null));
                }
            }

            analyzed = ShapeInference.Analyze(spec, uses, cancellationToken);
            if (cycles.Count > 0)
            {
                analyzed = analyzed with { Diagnostics = cycles.Concat(analyzed.Diagnostics).ToEquatableArray() };
            }

            done[spec.FullName] = analyzed;
            return analyzed;
        }

        /// <summary>The shortest chain of uses from <paramref name="from"/> to <paramref name="to"/> (both included), or null.</summary>
        private List<string>? PathBetween(string from, string to)
        {
            var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
            var queue = new Queue<string>();
            queue.Enqueue(from);
            while (queue.Count > 0)
            {
                string current = queue.Dequeue();
                if (current == to)
                {
                    var path = new List<string>();
                    for (string? at = current; at is not null; at = previous[at])
                    {
                        path.Add(at);
                    }

                    path.Reverse();
                    return path;
                }

                if (!Specs.TryGetValue(current, out var spec))
                {
                    continue;
                }

                foreach (var use in spec.Uses)
                {
                    if (!previous.ContainsKey(use.Model))
                    {
                        previous[use.Model] = current;
                        queue.Enqueue(use.Model);
                    }
                }
            }

            return null;
        }

        private static string Short(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);
    }
}
