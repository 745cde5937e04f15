using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>GroupNorm(groups)</c> over [B, C, ...] (groups must divide C) and <c>InstanceNorm2d()</c> over [B, C, H, W]:
/// same type; C must be known. Parameters as PyTorch: 2C (scale and shift per channel) when affine, else none.
/// </summary>
internal sealed class GroupNormRule : ShapeRule<GroupNormOp>
{
    protected override NodeAnalysis? Infer(GroupNormOp op, ShapeContext context)
    {
        var input = context.Input;
        if (op.Instance ? input.Rank != 4 : input.Rank < 2)
        {
            return op.Instance
                ? context.WrongRank(RankHints.Image, RankHints.ForImage(input))
                : context.WrongRank("an input [B, C, ...]", "a per-sample scalar has no channels to group");
        }

        if (AxisRoles.IsChannelsLastMap(input))
        {
            return AxisRoles.ChannelsLastMap(context, input, "take the " + input.Dims[0] + " rows for channels");
        }

        var channels = input.Dims[0];
        if (!channels.IsKnown)
        {
            return context.NeedsConcreteSize(input, channels, "the number of channels sizes the normalization parameters, so it must be a fixed size");
        }

        if (channels.Value % op.Groups != 0)
        {
            return context.InvalidArgument("groups", "groups " + ShapeContext.Text(op.Groups) + " must divide the channels of " + input.ShapeText + " (" + channels + "); use a divisor of " + channels);
        }

        return ShapeContext.Ok(input, trainable: op.Affine ? 2L * channels.Value : 0);
    }
}
