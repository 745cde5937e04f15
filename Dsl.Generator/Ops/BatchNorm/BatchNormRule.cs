using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>BatchNorm2d</c> over [B, C, H, W], <c>BatchNorm1d</c> over [B, C] or [B, C, L], <c>BatchNorm3d</c> over [B, C, D, H, W]: same type; C must be known.
/// Parameters as Keras counts them: 2C trainable (weight, bias), 2C non-trainable (running mean and variance).
/// </summary>
internal sealed class BatchNormRule : ShapeRule<BatchNormOp>
{
    protected override NodeAnalysis? Infer(BatchNormOp op, ShapeContext context)
    {
        if (!(op.Eps > 0) || double.IsInfinity(op.Eps))
        {
            return context.InvalidArgument("eps", "eps must be a positive number but is " + ShapeContext.Text(op.Eps));
        }

        if (!(op.Momentum >= 0 && op.Momentum <= 1))
        {
            return context.InvalidArgument("momentum", "momentum must be in [0, 1] but is " + ShapeContext.Text(op.Momentum));
        }

        var input = context.Input;
        if (op.SpatialRank == 2 && input.Rank != 4)
        {
            return input.Rank == 2
                ? context.WrongRank(RankHints.Image, "use BatchNorm1d for a [B, F] input", fix: FixSpec.Of(FixKinds.RenameCall, "BatchNorm1d"))
                : context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        if (op.SpatialRank == 3 && input.Rank != 5)
        {
            return context.WrongRank(RankHints.Spatial(3), RankHints.ForSpatial(3, input));
        }

        if (op.SpatialRank == 0 && input.Rank != 2 && input.Rank != 3)
        {
            const string expected = "a 2-D input [B, F] or a 3-D input [B, C, L]";
            return input.Rank == 4
                ? context.WrongRank(expected, "use BatchNorm2d for a [B, C, H, W] input", fix: FixSpec.Of(FixKinds.RenameCall, "BatchNorm2d"))
                : context.WrongRank(expected, "reshape it to [B, F] first");
        }

        if (op.SpatialRank == 2 && AxisRoles.IsChannelsLastMap(input))
        {
            return AxisRoles.ChannelsLastMap(context, input, "normalize each of the " + input.Dims[0] + " rows as a channel");
        }

        if (op.SpatialRank == 0 && AxisRoles.IsTimeByFeature(input))
        {
            return context.WrongLayout(
                "channels first [B, C, L]",
                "it would normalize each of the " + input.Dims[0] + " steps over the batch instead of each of the " + input.Dims[1] + " features; wrap it in transposes, .Transpose(1, 2).BatchNorm1d().Transpose(1, 2), or use .LayerNorm() for sequences",
                FixSpec.Of(FixKinds.InsertCalls, ".Transpose(1, 2)", ".Transpose(1, 2)"));
        }

        var channels = input.Dims[0];
        if (!channels.IsKnown)
        {
            return context.NeedsConcreteSize(input, channels, "the number of channels sizes the normalization parameters, so it must be a fixed size");
        }

        long perChannel = 2L * channels.Value;
        return ShapeContext.Ok(input, trainable: perChannel, nonTrainable: perChannel, spatial: input.Rank == 4);
    }
}
