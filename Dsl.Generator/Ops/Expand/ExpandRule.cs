using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Expand(sizes...)</c>: one size per axis after the batch (or none); -1 or the axis' own size keeps it, and
/// only an axis of size 1 expands. <c>x.Expand(batchOf, ...)</c> gives a batch of one the batch of batchOf.
/// </summary>
internal sealed class ExpandRule : ShapeRule<ExpandOp>
{
    public override bool AcceptsInputCount(int count) => count is 1 or 2;

    /// <summary>Expand only repeats elements: int64 ids (positions given a batch) stay int64.</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(ExpandOp op, ShapeContext context)
    {
        var x = context.Input;
        if (op.Sizes.Count != 0 && op.Sizes.Count != x.Dims.Count)
        {
            return context.InvalidArgument(
                "sizes",
                "give one size per axis after the batch of " + x.ShapeText + " (" + x.Dims.Count + "; -1 keeps an axis) but " + op.Sizes.Count + (op.Sizes.Count == 1 ? " is" : " are") + " given");
        }

        for (int i = 0; i < op.Sizes.Count; i++)
        {
            int size = op.Sizes[i];
            var dim = x.Dims[i];
            bool keeps = size == -1 || (dim.IsKnown && dim.Value == size);
            if (!keeps && !(size >= 1 && dim.IsKnown && dim.Value == 1))
            {
                return context.InvalidArgument(
                    "sizes",
                    size < 1
                        ? "size " + ShapeContext.Text(size) + " for dim " + (i + 1) + " is not a size; give at least 1, or -1 to keep the axis"
                        : "dim " + (i + 1) + " of " + x.ShapeText + " has size " + dim + ", which cannot expand to " + ShapeContext.Text(size) + "; only a size of 1 expands (-1 keeps the axis)");
            }
        }

        var batchOf = op.BatchOf ? context.Inputs[1] : null;
        var plan = ExpandPlan.ForExpand(op, x, batchOf)!;
        var dims = new DimExpr[x.Dims.Count];
        for (int axis = 1; axis < x.Rank; axis++)
        {
            dims[axis - 1] = plan[axis].Size >= 1 ? DimExpr.Of(plan[axis].Size) : x.Dims[axis - 1];
        }

        // The batch: Broadcast.WithBatch keeps a batch of one only where batchOf is one too (or absent).
        return ShapeContext.Ok(new TensorType(dims.ToEquatableArray(), x.DType) { BatchOne = x.BatchOne && batchOf is null });
    }
}
