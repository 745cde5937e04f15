using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary>
/// <c>Conv2d(outChannels, kernelSize, stride, padding, bias)</c>: [B, C, H, W] to [B, outChannels, H', W'] with
/// H' from <see cref="SpatialMath"/>; C must be known. Parameters: outChannels * C * k * k (+ outChannels bias).
/// </summary>
internal sealed class Conv2dRule : ShapeRule<Conv2dOp>
{
    protected override NodeAnalysis? Infer(Conv2dOp op, ShapeContext context)
    {
        if (!context.CheckPositive("outChannels", "outChannels", op.OutChannels) ||
            !context.CheckPositive("kernelSize", "kernelSize", op.KernelSize) ||
            !context.CheckPositive("stride", "stride", op.Stride) ||
            !context.CheckPositive("groups", "groups", op.Groups) ||
            !context.CheckPositive("dilation", "dilation", op.Dilation))
        {
            return null;
        }

        if (op.Padding.Mode == PaddingMode.Explicit && op.Padding.Amount < 0)
        {
            return context.InvalidArgument("padding", "padding must not be negative but is " + ShapeContext.Text(op.Padding.Amount));
        }

        var input = context.Input;
        if (input.Rank != 4)
        {
            return context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        var channels = input.Dims[0];
        if (!channels.IsKnown)
        {
            return context.NeedsConcreteSize(input, channels, "the number of input channels sizes the kernel, so it must be a fixed size");
        }

        if (channels.Value % op.Groups != 0 || op.OutChannels % op.Groups != 0)
        {
            return context.InvalidArgument(
                "groups",
                "groups " + ShapeContext.Text(op.Groups) + " must divide both the input channels (" + channels + ") and outChannels (" + ShapeContext.Text(op.OutChannels) + "); a depthwise convolution uses groups = the input channels");
        }

        // A dilated kernel covers dilation x (k - 1) + 1 positions: that extent decides the output size and padding.
        var window = Window.Resolve(context, input, 2, op.EffectiveKernelSize, op.Stride, op.Padding);
        if (window is null)
        {
            return null;
        }

        long kernelArea = SizeLimits.Multiply(op.KernelSize, op.KernelSize);
        long channelsPerGroup = channels.Value / op.Groups;
        long parameters = SizeLimits.Add(SizeLimits.Multiply(SizeLimits.Multiply(op.OutChannels, channelsPerGroup), kernelArea), op.Bias ? op.OutChannels : 0);
        var type = new TensorType(new[] { DimExpr.Of(op.OutChannels) }.Concat(window.Sizes).ToEquatableArray());
        // Each output element is one dot product over the C_in / groups x k x k inputs of its group.
        long? macs = SizeLimits.KnownElementsPerSample(type) is long outputs ? SizeLimits.Multiply(outputs, SizeLimits.Multiply(channelsPerGroup, kernelArea)) : null;
        return ShapeContext.Ok(type, parameters, padding: window.Padding, macs: macs, spatial: true);
    }
}
