using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Reuses a model's parse across compilations while nothing it depends on changed. Roslyn reruns the generator's
/// transform for every [Model] class whenever the compilation changes (a keystroke in any file), and the transform
/// binds Define and its helpers, by far the generator's dearest work. A parse from the previous compilation stays valid
/// while (1) the references and options are the same, (2) every edited file kept its <see cref="DeclarationShape"/>
/// (so every declaration binds the same) and no file was added or removed, and (3) none of the trees the parse read
/// (<see cref="SourceReads"/>: the class, Define, inlined helpers, evaluated field initializers) was edited. Anything
/// else parses again.
/// </summary>
/// <remarks>
/// Kept per generator instance as two generations: the parses of the current compilation and of the one before. A
/// reused parse moves into the current generation, so the next compilation only compares with this one; the older
/// generation is dropped, and the compilation itself is held weakly, so nothing here keeps an old project alive.
/// </remarks>
internal sealed class ParseCache
{
    private readonly object gate = new();
    private Generation? current;
    private int interpretations;

    /// <summary>How many times a model was interpreted (not reused): what the cache saves is visible in tests.</summary>
    public int Interpretations => Volatile.Read(ref interpretations);

    public ParsedModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var generation = GenerationOf(context.SemanticModel.Compilation);
        if (generation.TryReuse(context.TargetNode, cancellationToken) is { } reused)
        {
            return reused;
        }

        Interlocked.Increment(ref interpretations);
        var reads = new SourceReads();
        var result = ModelParser.ParseSafely(context, reads, cancellationToken);
        generation.Store(context.TargetNode, new Reading(reads.Trees.ToArray(), result));
        return result;
    }

    private Generation GenerationOf(Compilation compilation)
    {
        lock (gate)
        {
            if (current is null || !current.IsOf(compilation))
            {
                current = new Generation(compilation, current);
            }

            return current;
        }
    }

    /// <summary>One parse and the trees it read.</summary>
    private sealed record Reading(SyntaxTree[] Reads, ParsedModel Result);

    /// <summary>The parses made or reused for one compilation, and the generation before it.</summary>
    private sealed class Generation
    {
        private readonly WeakReference<Compilation> compilation;
        private readonly Snapshot snapshot;
        private readonly Dictionary<SyntaxNode, Reading> parses = new();
        private Generation? previous;
        private Change? change;

        public Generation(Compilation compilation, Generation? previous)
        {
            this.compilation = new WeakReference<Compilation>(compilation);
            snapshot = new Snapshot(compilation);
            if (previous is not null)
            {
                previous.Forget();
            }

            this.previous = previous;
        }

        public bool IsOf(Compilation other) => compilation.TryGetTarget(out var mine) && ReferenceEquals(mine, other);

        public ParsedModel? TryReuse(SyntaxNode node, CancellationToken cancellationToken)
        {
            Generation? before;
            lock (parses)
            {
                if (parses.TryGetValue(node, out var same))
                {
                    return same.Result;
                }

                before = previous;
            }

            if (before?.Find(node) is not { } parse)
            {
                return null;
            }

            var edits = ChangeSince(before, cancellationToken);
            if (!edits.DeclarationsKept || parse.Reads.Any(edits.Edited.Contains))
            {
                return null;
            }

            Store(node, parse);
            return parse.Result;
        }

        public void Store(SyntaxNode node, Reading parse)
        {
            lock (parses)
            {
                parses[node] = parse;
            }
        }

        private Reading? Find(SyntaxNode node)
        {
            lock (parses)
            {
                return parses.TryGetValue(node, out var parse) ? parse : null;
            }
        }

        /// <summary>Drops the link to the generation before: a superseded generation is only read, never compared.</summary>
        private void Forget()
        {
            lock (parses)
            {
                previous = null;
            }
        }

        private Change ChangeSince(Generation before, CancellationToken cancellationToken)
        {
            lock (parses)
            {
                return change ??= Change.Between(before.snapshot, snapshot, cancellationToken);
            }
        }
    }

    /// <summary>What the cache needs of one compilation: its trees, references and options.</summary>
    private sealed class Snapshot
    {
        public Snapshot(Compilation compilation)
        {
            Trees = compilation.SyntaxTrees.ToArray();
            TreeSet = new HashSet<SyntaxTree>(Trees);
            References = compilation.ExternalReferences.ToArray();
            Options = compilation.Options;
        }

        public SyntaxTree[] Trees { get; }

        public HashSet<SyntaxTree> TreeSet { get; }

        public MetadataReference[] References { get; }

        public CompilationOptions Options { get; }
    }

    /// <summary>The trees of the earlier compilation that were edited, and whether every declaration stayed the same.</summary>
    private sealed class Change
    {
        private Change(bool declarationsKept, HashSet<SyntaxTree> edited)
        {
            DeclarationsKept = declarationsKept;
            Edited = edited;
        }

        public bool DeclarationsKept { get; }

        public HashSet<SyntaxTree> Edited { get; }

        public static Change Between(Snapshot before, Snapshot after, CancellationToken cancellationToken)
        {
            var removed = new HashSet<SyntaxTree>(before.Trees.Where(t => !after.TreeSet.Contains(t)));
            var added = after.Trees.Where(t => !before.TreeSet.Contains(t)).ToList();
            bool kept =
                (ReferenceEquals(before.Options, after.Options) || before.Options.Equals(after.Options)) &&
                before.References.SequenceEqual(after.References) &&
                removed.Count == added.Count &&
                added.Select(t => t.FilePath).Distinct().Count() == added.Count &&
                added.All(tree => removed.SingleOrDefault(old => old.FilePath == tree.FilePath) is { } old &&
                    DeclarationShape.Same(old, tree, cancellationToken));
            return new Change(kept, removed);
        }
    }
}
