using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>
/// NumPy's broadcasting of two shapes, as PyTorch applies it to element-wise ops: sizes are matched from the
/// right, each pair equal or one of them 1. Every node has the batch first, so operands of different ranks would
/// match the shorter one's batch against a feature axis: the ranks must agree. A symbolic size matches itself or 1.
/// </summary>
internal static class Broadcast
{
    /// <summary>The broadcast sizes (after the batch) of <paramref name="left"/> and <paramref name="right"/>, or null.</summary>
    public static EquatableArray<DimExpr>? Dims(EquatableArray<DimExpr> left, EquatableArray<DimExpr> right)
    {
        if (left.Count != right.Count)
        {
            return null;
        }

        var dims = new DimExpr[left.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            DimExpr l = left[i], r = right[i];
            if (l.Equals(r) || IsOne(r))
            {
                dims[i] = l;
            }
            else if (IsOne(l))
            {
                dims[i] = r;
            }
            else
            {
                return null;
            }
        }

        return dims.ToEquatableArray();
    }

    /// <summary>
    /// True when <paramref name="op"/> broadcasts a batch of one (<see cref="TensorType.BatchOne"/>: a <c>g.Parameter</c>,
    /// a constant) against operands with the batch, as PyTorch does: element-wise arithmetic, <c>matmul</c>,
    /// <c>Expand(batchOf:)</c> and <c>Concat(broadcast: true)</c>. Any other op of several inputs needs one batch.
    /// </summary>
    public static bool BroadcastsBatch(Op op) => OpCatalogue.For(op)?.BroadcastsBatch(op) == true;

    /// <summary>
    /// DSL0007 when a batch of one meets operands with the batch in an op that does not broadcast it (the node
    /// would fail at run time); null when the batches agree.
    /// </summary>
    public static DiagnosticInfo? CheckBatches(ModelSpec spec, NodeSpec node, IReadOnlyList<TensorType> inputs)
    {
        int one = -1, batched = -1;
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].BatchOne)
            {
                one = one < 0 ? i : one;
            }
            else
            {
                batched = batched < 0 ? i : batched;
            }
        }

        if (one < 0 || batched < 0 || BroadcastsBatch(node.Op))
        {
            return null;
        }

        string fix = OpCatalogue.For(node.Op) is ConcatDescriptor
            ? "write Ops.Concat(dim, broadcast: true, ...) or give it the batch with .Expand(batchOf: x)"
            : "give it the batch first with .Expand(batchOf: x)";
        return DiagnosticInfo.Create(
            Descriptors.InvalidArgument,
            spec.ClassName,
            node.Site,
            node.Op.Kind + " '" + node.Name + "'",
            "operand " + (one + 1) + " is " + BatchLevel.Describe(inputs[one]) + " and operand " + (batched + 1) + " has the batch " + inputs[batched].ShapeText + "; " + fix);
    }

    /// <summary>
    /// The batch of a node's result: a batch of one where the rule says so (a source: <c>g.Parameter</c>, a
    /// constant, positions) or where every input is one; otherwise the batch B.
    /// </summary>
    public static NodeAnalysis WithBatch(NodeAnalysis result, IReadOnlyList<TensorType> inputs) =>
        result.Type is { BatchOne: false } type && inputs.Count > 0 && inputs.All(i => i.BatchOne)
            ? result with { Type = type with { BatchOne = true } }
            : result;

    private static bool IsOne(DimExpr dim) => dim.IsKnown && dim.Value == 1;
}
