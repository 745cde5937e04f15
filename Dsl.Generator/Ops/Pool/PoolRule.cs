using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>MaxPool1d/2d</c> / <c>AvgPool1d/2d(kernelSize, stride, padding)</c>: [B, C, spatial...] to [B, C, spatial'...]
/// with each size from <see cref="SpatialMath"/>. Explicit padding is at most half the kernel (PyTorch); average
/// pooling cannot pad asymmetrically at the start of an axis, which some Same plans need.
/// </summary>
internal sealed class PoolRule : ShapeRule<PoolOp>
{
    protected override NodeAnalysis? Infer(PoolOp op, ShapeContext context)
    {
        int rank = op.SpatialRank;
        if (!op.KernelSize.All(k => context.CheckPositive("kernelSize", "kernelSize", k)) ||
            !op.Stride.All(s => context.CheckPositive("stride", "stride", s)))
        {
            return null;
        }

        if (!Window.PaddingFits(context, op.Padding, rank))
        {
            return null;
        }

        for (int axis = 0; axis < rank; axis++)
        {
            int amount = op.Padding.AmountAt(axis);
            if (amount < 0 || amount > op.KernelSize[axis] / 2)
            {
                return context.InvalidArgument(
                    "padding",
                    "padding " + ShapeContext.Text(amount) + " must be between 0 and half the kernel (" + (op.KernelSize[axis] / 2) + " for kernel " + op.KernelSize[axis] + ")");
            }
        }

        var input = context.Input;
        if (input.Rank != rank + 2)
        {
            return context.WrongRank(RankHints.Spatial(rank), RankHints.ForSpatial(rank, input));
        }

        var window = Window.Resolve(context, input, op.KernelSize, op.Stride, op.Padding);
        if (window is null)
        {
            return null;
        }

        var plan = window.Padding;
        if (op.Pool == PoolKind.Avg && op.Padding.Mode == PaddingMode.Same && !plan.IsSymmetric && plan.Before.Any(p => p > 0))
        {
            string sides = rank == 2
                ? "top " + plan.Top + ", bottom " + plan.Bottom + ", left " + plan.Left + ", right " + plan.Right
                : "before " + plan.Before[0] + ", after " + plan.After[0];
            return context.InvalidArgument(
                "padding",
                "Padding.Same here needs asymmetric padding (" + sides + ") which " + op.Kind + " cannot express; use an explicit padding, or a kernel/stride pair whose Same padding is symmetric or only at the " + (rank == 2 ? "bottom/right" : "end") + " (e.g. kernel equal to the stride)");
        }

        var type = new TensorType(new[] { input.Dims[0] }.Concat(window.Sizes).ToEquatableArray());
        return ShapeContext.Ok(type, padding: plan, spatial: true);
    }
}
