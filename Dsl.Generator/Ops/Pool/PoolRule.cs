using System.Linq;
using Dsl.Generator.Diagnostics;
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

        if (op.CeilMode && op.Padding.Mode == PaddingMode.Same)
        {
            return context.InvalidArgument("ceilMode", "Padding.Same already decides the partial windows (at the end, as Keras); use ceilMode with Padding.Valid or an explicit padding, as PyTorch's ceil_mode");
        }

        var input = context.Input;
        if (input.Rank != rank + 2)
        {
            return context.WrongRank(RankHints.Spatial(rank), RankHints.ForSpatial(rank, input));
        }

        if (rank == 2 && AxisRoles.IsChannelsLastMap(input))
        {
            return AxisRoles.ChannelsLastMap(context, input, "pool the " + input.Dims[1] + " columns and the " + input.Dims[2] + " channels instead of the rows and columns");
        }

        if (rank == 1 && AxisRoles.IsTimeByFeature(input))
        {
            string call = (op.Pool == PoolKind.Max ? "MaxPool1d" : "AvgPool1d") + "(...)";
            return context.WrongLayout(
                "channels first [B, C, L]",
                "it would pool the " + input.Dims[1] + " features within each of the " + input.Dims[0] + " steps instead of pooling the steps (Keras' " +
                (op.Pool == PoolKind.Max ? "MaxPooling1D" : "AveragePooling1D") + " is channels last, PyTorch's is not); wrap it in transposes, .Transpose(1, 2)." + call + ".Transpose(1, 2)",
                FixSpec.Of(FixKinds.InsertCalls, ".Transpose(1, 2)", ".Transpose(1, 2)"));
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

        var sizes = window.Sizes.ToArray();
        if (op.CeilMode)
        {
            for (int axis = 0; axis < rank; axis++)
            {
                var size = CeilModeSize(op, input.Dims[axis + 1], axis);
                if (size is null)
                {
                    return context.NeedsConcreteSize(input, input.Dims[axis + 1], "with ceilMode and a stride above kernelSize - padding, whether the last window starts inside the input depends on the size");
                }

                sizes[axis] = size;
            }
        }

        var type = new TensorType(new[] { input.Dims[0] }.Concat(sizes).ToEquatableArray());
        return ShapeContext.Ok(type, padding: plan, spatial: true);
    }

    /// <summary>
    /// PyTorch's ceil_mode size: ceil((L + 2p - k) / s) + 1 windows, less the last where it would start in the right
    /// padding or beyond ((out - 1) s >= L + p). That never happens when s &lt;= k - p, so a symbolic L is fine then;
    /// otherwise null unless L is known.
    /// </summary>
    private static DimExpr? CeilModeSize(PoolOp op, DimExpr input, int axis)
    {
        int k = op.KernelSize[axis], s = op.Stride[axis], p = op.Padding.Mode == PaddingMode.Explicit ? op.Padding.AmountAt(axis) : 0;
        if (input.IsKnown)
        {
            long windows = ((long)input.Value + (2L * p) - k + s - 1) / s + 1;
            if ((windows - 1) * s >= (long)input.Value + p)
            {
                windows--;
            }

            return DimExpr.Of((int)windows);
        }

        return s <= k - p ? input.Add((2 * p) - k).CeilDiv(s)?.Add(1) : null;
    }
}
