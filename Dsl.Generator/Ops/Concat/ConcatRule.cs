using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Ops.Concat(dim, nodes...)</c>: two or more operands of one rank that agree on every dim except
/// <c>dim</c> (a non-batch axis; negative counts from the back); the output's <c>dim</c> is the sum.
/// </summary>
internal sealed class ConcatRule : ShapeRule<ConcatOp>
{
    public override bool AcceptsInputCount(int count) => count >= 1;

    protected override NodeAnalysis? Infer(ConcatOp op, ShapeContext context)
    {
        var inputs = context.Inputs;
        if (inputs.Count < 2)
        {
            return context.InvalidArgument(null, "give at least two nodes to concatenate");
        }

        var first = inputs[0];
        if (Axes.NonBatch(op.Dim, first) is not int dim)
        {
            return context.InvalidArgument(
                "dim",
                "dim " + ShapeContext.Text(op.Dim) + " is out of range for " + first.ShapeText + "; " + Axes.NonBatchRange(first) + (op.Dim == 0 ? " (concatenating along the batch, dim 0, is not supported)" : ""));
        }

        int axis = dim - 1;
        DimExpr total = first.Dims[axis];
        for (int i = 1; i < inputs.Count; i++)
        {
            var operand = inputs[i];
            if (op.Broadcast ? first.Rank != operand.Rank : !AgreeExceptAxis(first, operand, axis))
            {
                return context.Fail(Descriptors.ConcatMismatch, ShapeContext.Text(op.Dim), ShapeContext.Text(i + 1), operand.ShapeText, first.ShapeText);
            }

            var sum = total.Plus(operand.Dims[axis]);
            if (sum is null)
            {
                return context.NeedsConcreteSize(
                    operand,
                    operand.Dims[axis],
                    "the concatenated size " + total + " + " + operand.Dims[axis] + " does not fit in 32 bits; give the inputs smaller sizes");
            }

            total = sum;
        }

        var dims = first.Dims.Items.SetItem(axis, total);
        if (op.Broadcast)
        {
            for (int d = 0; d < dims.Length; d++)
            {
                if (d == axis)
                {
                    continue;
                }

                // Each other axis: equal sizes, or 1 on some operands (they expand to the others' size).
                var sizes = inputs.Select(t => t.Dims[d]).Where(s => !(s.IsKnown && s.Value == 1)).Distinct().ToList();
                if (sizes.Count > 1)
                {
                    int one = inputs.ToList().FindIndex(t => t.Dims[d].Equals(sizes[0]));
                    int other = inputs.ToList().FindIndex(t => t.Dims[d].Equals(sizes[1]));
                    return context.InvalidArgument(
                        null,
                        "with broadcast: true every size except along dim " + ShapeContext.Text(op.Dim) + " must be equal or 1, but dim " + (d + 1) + " is " + sizes[0] + " in operand " + (one + 1) + " " + inputs[one].ShapeText + " and " + sizes[1] + " in operand " + (other + 1) + " " + inputs[other].ShapeText);
                }

                dims = dims.SetItem(d, sizes.Count == 1 ? sizes[0] : DimExpr.Of(1));
            }
        }

        // Channels of feature maps joined stay a feature map.
        return ShapeContext.Ok(new TensorType(new EquatableArray<DimExpr>(dims)), spatial: inputs.All(i => i.IsSpatial));
    }

    /// <summary>
    /// The expand of operand <paramref name="index"/> of a broadcasting concat (<see cref="ConcatOp.Broadcast"/>), or
    /// null when it is used as it is; the emitters of all three targets read it.
    /// </summary>
    public static ExpandAxis[]? BroadcastPlan(ConcatOp op, NodeSpec node, AnalyzedModel model, int index)
    {
        if (!op.Broadcast)
        {
            return null;
        }

        var types = node.Inputs.Select(model.TypeOf).ToList();
        return Axes.NonBatch(op.Dim, types[0]) is int axis ? ExpandPlan.ForConcat(types, index, axis) : null;
    }

    private static bool AgreeExceptAxis(TensorType first, TensorType other, int axis)
    {
        if (first.Rank != other.Rank)
        {
            return false;
        }

        for (int d = 0; d < first.Dims.Count; d++)
        {
            if (d != axis && !first.Dims[d].Equals(other.Dims[d]))
            {
                return false;
            }
        }

        return true;
    }
}
