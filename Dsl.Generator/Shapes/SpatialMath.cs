using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>Why the output size along one spatial axis could not be computed.</summary>
internal enum AxisProblem
{
    None,

    /// <summary>The kernel is larger than the (padded) input: the output would be empty.</summary>
    KernelTooLarge,

    /// <summary>The input size is symbolic and the stride is above 1, so the output is not affine.</summary>
    NeedsConcreteSize,
}

/// <summary>The output size along one spatial axis of a convolution or pooling window, and the padding it resolves to.</summary>
internal readonly record struct AxisResult(DimExpr? Size, int PadBefore, int PadAfter, AxisProblem Problem)
{
    public static AxisResult Fail(AxisProblem problem) => new(null, 0, 0, problem);
}

/// <summary>
/// Output-size and padding arithmetic of sliding windows (convolution, pooling), per axis.
/// Valid and explicit padding follow PyTorch: floor((in + 2p - k) / s) + 1. <see cref="PaddingMode.Same"/>
/// follows Keras: out = ceil(in / s), total padding max((out - 1) * s + k - in, 0), the odd element at the end.
/// </summary>
internal static class SpatialMath
{
    /// <summary>Resolves one axis of size <paramref name="input"/> under a window of <paramref name="kernel"/> and <paramref name="stride"/>.</summary>
    public static AxisResult Resolve(DimExpr input, int kernel, int stride, PaddingSpec padding)
    {
        if (!input.IsKnown)
        {
            return ResolveSymbolic(input, kernel, stride, padding);
        }

        int size = input.Value;
        switch (padding.Mode)
        {
            case PaddingMode.Same:
            {
                if (size < 1)
                {
                    return AxisResult.Fail(AxisProblem.KernelTooLarge);
                }

                int output = CeilDiv(size, stride);
                var (before, after) = SamePadding(size, kernel, stride);
                return new AxisResult(DimExpr.Of(output), before, after, AxisProblem.None);
            }

            case PaddingMode.Causal:
            {
                // Keras' causal: kernel - 1 before, none after; floor((in - 1) / s) + 1, the input's length at stride 1.
                return size < 1
                    ? AxisResult.Fail(AxisProblem.KernelTooLarge)
                    : new AxisResult(DimExpr.Of(((size - 1) / stride) + 1), kernel - 1, 0, AxisProblem.None);
            }

            case PaddingMode.Explicit:
            {
                int? output = FloorOutput(size, kernel, stride, padding.Amount);
                return output is int o
                    ? new AxisResult(DimExpr.Of(o), padding.Amount, padding.Amount, AxisProblem.None)
                    : AxisResult.Fail(AxisProblem.KernelTooLarge);
            }

            default:
            {
                int? output = FloorOutput(size, kernel, stride, 0);
                return output is int o
                    ? new AxisResult(DimExpr.Of(o), 0, 0, AxisProblem.None)
                    : AxisResult.Fail(AxisProblem.KernelTooLarge);
            }
        }
    }

    /// <summary>floor((in + 2p - k) / s) + 1, or null when the window does not fit (the output would be empty).</summary>
    public static int? FloorOutput(int input, int kernel, int stride, int pad)
    {
        long span = (long)input + (2L * pad) - kernel;
        return span < 0 ? null : (int)((span / stride) + 1);
    }

    /// <summary>Keras "same" padding of one axis: (before, after), the extra element after.</summary>
    public static (int Before, int After) SamePadding(int input, int kernel, int stride)
    {
        int output = CeilDiv(input, stride);
        int total = System.Math.Max(((output - 1) * stride) + kernel - input, 0);
        int before = total / 2;
        return (before, total - before);
    }

    /// <summary>The padding plan of a window from its axes, in the input's order (rows then columns for 2-D).</summary>
    public static PaddingPlan Plan(params AxisResult[] axes) =>
        new(axes.Select(a => a.PadBefore).ToEquatableArray(), axes.Select(a => a.PadAfter).ToEquatableArray());

    public static int CeilDiv(int value, int divisor) => (int)(((long)value + divisor - 1) / divisor);

    // A symbolic size stays an expression: ⌊(in + 2p - k) / s⌋ + 1 (Same: in for stride 1). Keras' Same padding
    // with a stride above 1 depends on in mod s, which is not known at compile time.
    private static AxisResult ResolveSymbolic(DimExpr input, int kernel, int stride, PaddingSpec padding)
    {
        if (padding.Mode == PaddingMode.Same)
        {
            return stride == 1
                ? new AxisResult(input, (kernel - 1) / 2, (kernel - 1) - ((kernel - 1) / 2), AxisProblem.None)
                : AxisResult.Fail(AxisProblem.NeedsConcreteSize);
        }

        if (padding.Mode == PaddingMode.Causal)
        {
            var causal = stride == 1 ? input : input.Add(-1).FloorDiv(stride)?.Add(1);
            return causal is null ? AxisResult.Fail(AxisProblem.NeedsConcreteSize) : new AxisResult(causal, kernel - 1, 0, AxisProblem.None);
        }

        int pad = padding.Mode == PaddingMode.Explicit ? padding.Amount : 0;
        var output = input.Add((2 * pad) - kernel).FloorDiv(stride)?.Add(1);
        return output is null
            ? AxisResult.Fail(AxisProblem.NeedsConcreteSize)
            : new AxisResult(output, pad, pad, AxisProblem.None);
    }
}
