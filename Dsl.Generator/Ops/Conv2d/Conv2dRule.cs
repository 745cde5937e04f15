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
            !context.CheckPositive("stride", "stride", op.Stride))
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

        var window = Window.Resolve(context, input, 2, op.KernelSize, op.Stride, op.Padding);
        if (window is null)
        {
            return null;
        }

        long kernelArea = SizeLimits.Multiply(op.KernelSize, op.KernelSize);
        long parameters = SizeLimits.Add(SizeLimits.Multiply(SizeLimits.Multiply(op.OutChannels, channels.Value), kernelArea), op.Bias ? op.OutChannels : 0);
        var type = new TensorType(new[] { DimExpr.Of(op.OutChannels) }.Concat(window.Sizes).ToEquatableArray());
        // Each output element is one dot product over C_in x k x k inputs.
        long? macs = SizeLimits.KnownElementsPerSample(type) is long outputs ? SizeLimits.Multiply(outputs, SizeLimits.Multiply(channels.Value, kernelArea)) : null;
        return ShapeContext.Ok(type, parameters, padding: window.Padding, macs: macs);
    }
}
