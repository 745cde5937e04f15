using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.Split(sizes, dim)</c> (each size at least 1) and <c>x.Chunk(chunks, dim)</c>: one node per piece, returned
/// to <c>Define</c> as a <c>Node[]</c>. The sizes are checked against the axis by the rule.
/// </summary>
internal static class SplitArguments
{
    public static OpRead Split(Call call)
    {
        var self = call.Receiver();
        var sizes = call.IntArray("sizes").ToEquatableArray();
        if (sizes.Count == 0 || sizes.Any(s => s < 1))
        {
            throw new InterpretationError(Diagnostics.Descriptors.InvalidArgument, call.At.Syntax, "Split", "'sizes' must hold at least one size, each at least 1, but is (" + string.Join(", ", sizes) + ")");
        }

        int dim = call.Int("dim", int.MinValue);
        return OpRead.Pieces(Enumerable.Range(0, sizes.Count).Select(i => (Op)new SplitOp(dim, sizes, 0, i)).ToList(), self);
    }

    public static OpRead Chunk(Call call)
    {
        var self = call.Receiver();
        int chunks = call.Int("chunks", 1);
        if (chunks > GraphBuilder.MaxNodes)
        {
            // Each chunk is a node of the graph: more than the graph may hold is refused before any is built.
            throw new InterpretationError(Diagnostics.Descriptors.BudgetExceeded, call.At.Syntax, GraphBuilder.MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture), "graph nodes (chunks)");
        }

        int dim = call.Int("dim", int.MinValue);
        return OpRead.Pieces(Enumerable.Range(0, chunks).Select(i => (Op)new SplitOp(dim, EquatableArray<int>.Empty, chunks, i)).ToList(), self);
    }
}
