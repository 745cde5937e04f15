using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>
/// The stage after all models are gathered: resolves <c>g.Use</c> across models (used models are analyzed
/// first; a cycle is reported as DSL0310 at the <c>g.Use</c> that closes it) and infers each model's shapes.
/// </summary>
internal static class Analysis
{
    public static ImmutableArray<AnalyzedModel> AnalyzeAll(ImmutableArray<ModelSpec> specs, CancellationToken cancellationToken)
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

        var resolver = new Resolver(byName, cancellationToken);
        return byName.Values.Select(resolver.Analyze).ToImmutableArray();
    }

    private sealed class Resolver
    {
        private readonly Dictionary<string, ModelSpec> specs;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<string, AnalyzedModel> done = new(StringComparer.Ordinal);
        private readonly List<string> visiting = new();

        public Resolver(Dictionary<string, ModelSpec> specs, CancellationToken cancellationToken)
        {
            this.specs = specs;
            this.cancellationToken = cancellationToken;
        }

        public AnalyzedModel Analyze(ModelSpec spec)
        {
            if (done.TryGetValue(spec.FullName, out var analyzed))
            {
                return analyzed;
            }

            cancellationToken.ThrowIfCancellationRequested();
            visiting.Add(spec.FullName);
            var cycles = new List<DiagnosticInfo>();
            var uses = new List<ResolvedUse>();
            foreach (var use in spec.Uses)
            {
                int open = visiting.IndexOf(use.Model);
                if (open >= 0)
                {
                    string path = string.Join(" -> ", visiting.Skip(open).Concat(new[] { use.Model }).Select(Short));
                    cycles.Add(DiagnosticInfo.Create(Descriptors.UseCycle, spec.ClassName, use.Site, spec.ClassName, Short(use.Model), path));
                    uses.Add(new ResolvedUse(use, null));
                }
                else
                {
                    uses.Add(new ResolvedUse(use, specs.TryGetValue(use.Model, out var used) ? Analyze(used) : null));
                }
            }

            visiting.RemoveAt(visiting.Count - 1);
            analyzed = ShapeInference.Analyze(spec, uses);
            if (cycles.Count > 0)
            {
                analyzed = analyzed with { Diagnostics = cycles.Concat(analyzed.Diagnostics).ToEquatableArray() };
            }

            done[spec.FullName] = analyzed;
            return analyzed;
        }

        private static string Short(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);
    }
}
