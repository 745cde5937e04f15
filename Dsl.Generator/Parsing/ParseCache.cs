using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Reuses a model's parse across compilations while nothing it depends on changed. Roslyn reruns the generator's
/// transform for every [Model] class whenever the compilation changes (a keystroke in any file), and the transform
/// binds Define and its helpers, by far the generator's dearest work. A parse stays valid while (1) the references
/// and options are the same, (2) every edited file kept its <see cref="DeclarationShape"/> (so every declaration binds
/// the same) and no file was added or removed, and (3) none of the trees the parse read (<see cref="SourceReads"/>:
/// the class, Define, inlined helpers, evaluated field initializers) was edited. Anything else parses again.
/// Kept per generator instance, keyed weakly by the class declaration (a node outlives a compilation only while
/// its file is unchanged), so nothing here keeps an old project alive.
/// </summary>
internal sealed class ParseCache
{
    private readonly ConditionalWeakTable<SyntaxNode, Slot> slots = new();
    private readonly ConditionalWeakTable<Compilation, Snapshot> snapshots = new();
    private int interpretations;

    /// <summary>How many times a model was interpreted (not reused): what the cache saves is visible in tests.</summary>
    public int Interpretations => Volatile.Read(ref interpretations);

    public ParsedModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.GetValue(context.SemanticModel.Compilation, static compilation => new Snapshot(compilation));
        var slot = slots.GetValue(context.TargetNode, static _ => new Slot());
        if (slot.Entry is { } entry && entry.StillValidIn(snapshot, cancellationToken))
        {
            return entry.Result;
        }

        Interlocked.Increment(ref interpretations);
        var reads = new SourceReads();
        var result = ModelParser.ParseSafely(context, reads, cancellationToken);
        slot.Entry = new Entry(snapshot, reads.Trees.ToArray(), result);
        return result;
    }

    private sealed class Slot
    {
        private volatile Entry? entry;

        public Entry? Entry { get => entry; set => entry = value; }
    }

    private sealed class Entry
    {
        private readonly Snapshot snapshot;
        private readonly SyntaxTree[] reads;

        public Entry(Snapshot snapshot, SyntaxTree[] reads, ParsedModel result)
        {
            this.snapshot = snapshot;
            this.reads = reads;
            Result = result;
        }

        public ParsedModel Result { get; }

        public bool StillValidIn(Snapshot current, CancellationToken cancellationToken)
        {
            if (ReferenceEquals(current, snapshot))
            {
                return true;
            }

            var change = current.ChangeSince(snapshot, cancellationToken);
            return change.DeclarationsKept && !reads.Any(change.Edited.Contains);
        }
    }

    /// <summary>What the cache needs of one compilation: its trees, references and options.</summary>
    private sealed class Snapshot
    {
        private readonly ConditionalWeakTable<Snapshot, Change> changes = new();

        public Snapshot(Compilation compilation)
        {
            Trees = compilation.SyntaxTrees.ToArray();
            TreeSet = new HashSet<SyntaxTree>(Trees);
            References = compilation.References.ToArray();
            Options = compilation.Options;
        }

        public SyntaxTree[] Trees { get; }

        public HashSet<SyntaxTree> TreeSet { get; }

        public MetadataReference[] References { get; }

        public CompilationOptions Options { get; }

        /// <summary>The change from <paramref name="earlier"/> to this compilation, computed once for all models.</summary>
        public Change ChangeSince(Snapshot earlier, CancellationToken cancellationToken)
        {
            lock (changes)
            {
                if (!changes.TryGetValue(earlier, out var change))
                {
                    change = Change.Between(earlier, this, cancellationToken);
                    changes.Add(earlier, change);
                }

                return change;
            }
        }
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
