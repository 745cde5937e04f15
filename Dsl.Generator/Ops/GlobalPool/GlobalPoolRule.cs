using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>Global pooling: the mean or maximum over the spatial axes, [B, C, spatial...] to [B, C]; symbolic spatial sizes are fine.</summary>
internal sealed class GlobalPoolRule : ShapeRule<GlobalPoolOp>
{
    protected override NodeAnalysis? Infer(GlobalPoolOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank != op.SpatialRank + 2)
        {
            return context.WrongRank(RankHints.Spatial(op.SpatialRank), RankHints.ForSpatial(op.SpatialRank, input));
        }

        return ShapeContext.Ok(new TensorType(EquatableArray.Create(input.Dims[0])));
    }
}
