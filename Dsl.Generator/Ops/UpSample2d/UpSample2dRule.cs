using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>UpSample2d(k)</c>: nearest neighbour, [B, C, H, W] to [B, C, H*k, W*k] (a symbolic H stays affine).</summary>
internal sealed class UpSample2dRule : ShapeRule<UpSample2dOp>
{
    protected override NodeAnalysis? Infer(UpSample2dOp op, ShapeContext context)
    {
        if (!context.CheckPositive("scaleFactor", "scaleFactor", op.ScaleFactor))
        {
            return null;
        }

        var input = context.Input;
        if (input.Rank != 4)
        {
            return context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        if (AxisRoles.IsChannelsLastMap(input))
        {
            return AxisRoles.ChannelsLastMap(context, input, "upsample the columns and the channels instead of the rows and columns");
        }

        var height = input.Dims[1].Times(op.ScaleFactor);
        var width = input.Dims[2].Times(op.ScaleFactor);
        if (height is null || width is null)
        {
            return context.InvalidArgument("scaleFactor", "upsampling " + input.ShapeText + " by " + op.ScaleFactor + " gives sizes beyond 2^31 - 1");
        }

        return ShapeContext.Ok(new TensorType(EquatableArray.Create(input.Dims[0], height, width)), spatial: true);
    }
}
