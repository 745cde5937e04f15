using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Positions(axis)</c>: int64 <c>[1, n]</c> holding 0 to n - 1, n the size of x along the non-batch
/// <c>axis</c> (symbolic or not): a batch of one, so an Embedding of it broadcasts against <c>[B, n, dim]</c>.
/// x's values are not read (it may hold token ids).
/// </summary>
internal sealed class PositionsRule : ShapeRule<PositionsOp>
{
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(PositionsOp op, ShapeContext context) =>
        Axes.NonBatchOrFail(context, "axis", op.Axis, context.Input) is int axis
            ? ShapeContext.Ok(new TensorType(EquatableArray.Create(context.Input.Dims[axis - 1]), DType.Int64) { BatchOne = true })
            : null;
}
