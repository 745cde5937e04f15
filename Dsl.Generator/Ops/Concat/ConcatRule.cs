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
            if (!AgreeExceptAxis(first, operand, axis))
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
        // Channels of feature maps joined stay a feature map.
        return ShapeContext.Ok(new TensorType(new EquatableArray<DimExpr>(dims)), spatial: inputs.All(i => i.IsSpatial));
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
