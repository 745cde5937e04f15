using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary>
/// <c>MaxPool2d</c> / <c>AvgPool2d(kernelSize, stride, padding)</c>: [B, C, H, W] to [B, C, H', W'] with H' from
/// <see cref="SpatialMath"/>. Explicit padding is at most half the kernel (PyTorch); AvgPool2d cannot pad
/// asymmetrically at the top / left, which some Same plans need.
/// </summary>
internal sealed class Pool2dRule : ShapeRule<Pool2dOp>
{
    protected override NodeAnalysis? Infer(Pool2dOp op, ShapeContext context)
    {
        if (!context.CheckPositive("kernelSize", "kernelSize", op.KernelSize) ||
            !context.CheckPositive("stride", "stride", op.Stride))
        {
            return null;
        }

        if (op.Padding.Mode == PaddingMode.Explicit && (op.Padding.Amount < 0 || op.Padding.Amount > op.KernelSize / 2))
        {
            return context.InvalidArgument(
                "padding",
                "padding " + ShapeContext.Text(op.Padding.Amount) + " must be between 0 and half the kernel (" + (op.KernelSize / 2) + " for kernel " + op.KernelSize + ")");
        }

        var input = context.Input;
        if (input.Rank != 4)
        {
            return context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        var window = Window.Resolve(context, input, 2, op.KernelSize, op.Stride, op.Padding);
        if (window is null)
        {
            return null;
        }

        var plan = window.Padding;
        if (op.Pool == PoolKind.Avg && op.Padding.Mode == PaddingMode.Same && !plan.IsSymmetric && (plan.Top > 0 || plan.Left > 0))
        {
            return context.InvalidArgument(
                "padding",
                "Padding.Same here needs asymmetric padding (top " + plan.Top + ", bottom " + plan.Bottom + ", left " + plan.Left + ", right " + plan.Right +
                ") which AvgPool2d cannot express; use an explicit padding, or a kernel/stride pair whose Same padding is symmetric or only at the bottom/right (e.g. kernel equal to the stride)");
        }

        var type = new TensorType(new[] { input.Dims[0] }.Concat(window.Sizes).ToEquatableArray());
        return ShapeContext.Ok(type, padding: plan, spatial: true);
    }
}
