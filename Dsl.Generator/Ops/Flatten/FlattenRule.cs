using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Flatten(startDim, endDim)</c>: axes startDim to endDim of the input (0 is the batch, which is never flattened;
/// negative counts from the back) become one, their product; the default flattens everything after the batch (rank 2
/// is the identity). A product with one symbolic dim stays affine; two symbolic dims have no affine product and need
/// concrete sizes.
/// </summary>
internal sealed class FlattenRule : ShapeRule<FlattenOp>
{
    /// <summary>Flatten only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(FlattenOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank < 2)
        {
            return context.WrongRank("an input of rank 2 or more [B, d1, ...]", "a [B] input has nothing to flatten; remove the Flatten");
        }

        long start = AxisRange.Resolve(op.StartDim, input.Rank);
        long end = AxisRange.Resolve(op.EndDim, input.Rank);
        if (start < 1 || start >= input.Rank)
        {
            return context.InvalidArgument("startDim", "startDim " + ShapeContext.Text(op.StartDim) + " is not an axis after the batch of " + input.ShapeText + "; use " + AxisRange.AfterBatch(input) + " (the batch, axis 0, is never flattened)");
        }

        if (end < start || end >= input.Rank)
        {
            return context.InvalidArgument("endDim", "endDim " + ShapeContext.Text(op.EndDim) + " must be an axis of " + input.ShapeText + " from startDim " + ShapeContext.Text(op.StartDim) + " on; use " + ShapeContext.Text(start) + " to " + ShapeContext.Text(input.Rank - 1) + " (or -1, the last)");
        }

        DimExpr product = DimExpr.Of(1);
        for (long axis = start; axis <= end; axis++)
        {
            var dim = input.Dims[(int)axis - 1];
            if (!product.IsKnown && !dim.IsKnown)
            {
                return context.NeedsConcreteSize(
                    input,
                    dim,
                    "the product of two symbolic sizes is not affine; give all but one of the flattened dims a fixed size");
            }

            var next = product.Multiply(dim);
            if (next is null)
            {
                return context.InvalidArgument(null, "flattening " + input.ShapeText + " gives a size beyond 2^31 - 1");
            }

            product = next;
        }

        var dims = input.Dims.Take((int)start - 1).Append(product).Concat(input.Dims.Skip((int)end));
        return ShapeContext.Ok(new TensorType(dims.ToEquatableArray(), input.DType));
    }
}
