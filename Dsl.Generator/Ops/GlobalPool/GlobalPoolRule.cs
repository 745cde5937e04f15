using Dsl.Generator.Diagnostics;
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

        if (op.SpatialRank == 2 && AxisRoles.IsChannelsLastMap(input))
        {
            return AxisRoles.ChannelsLastMap(context, input, "pool the columns and the channels and give [B, " + input.Dims[0] + "], one value per row");
        }

        if (op.SpatialRank == 1 && AxisRoles.IsTimeByFeature(input))
        {
            return context.WrongLayout(
                "channels first [B, C, L]",
                "it would pool the " + input.Dims[1] + " features of each step and give [B, " + input.Dims[0] + "], not the " + input.Dims[1] + " features over time; insert .Transpose(1, 2) before it (or pool time directly with .Mean(1) / .Max(1), Keras' GlobalAveragePooling1D)",
                FixSpec.Of(FixKinds.InsertCalls, ".Transpose(1, 2)"));
        }

        return ShapeContext.Ok(new TensorType(EquatableArray.Create(input.Dims[0])));
    }
}
