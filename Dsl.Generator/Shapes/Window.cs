using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>The spatial output of a window (convolution or pooling) over N spatial axes and the padding it resolves to.</summary>
internal sealed record WindowResult(EquatableArray<DimExpr> Sizes, PaddingPlan Padding);

/// <summary>
/// Resolves the spatial axes of a [B, C, spatial...] input (the last <c>kernel.Count</c> dimensions) under a
/// window with <see cref="SpatialMath"/>, and reports why not: DSL0003 at <c>kernelSize</c> when the kernel
/// exceeds the padded input, DSL0006 when Same padding with a stride above 1 meets a symbolic size.
/// </summary>
internal static class Window
{
    /// <summary>
    /// True when a per-axis padding (<c>padding: (1, 2)</c>) names one amount per spatial axis of the op; otherwise
    /// reports it at <c>padding</c> and returns false.
    /// </summary>
    public static bool PaddingFits(ShapeContext context, PaddingSpec padding, int rank)
    {
        if (!padding.IsPerAxis || padding.Amounts.Count == rank)
        {
            return true;
        }

        context.InvalidArgument("padding", "padding " + padding + " has " + padding.Amounts.Count + " amounts but " + context.Node.Op.Kind + " has " + rank + " spatial axes; give an int or " + rank + " amounts");
        return false;
    }

    /// <summary>A window of one kernel size and stride per spatial axis; the padding is resolved per axis (<see cref="PaddingSpec.ForAxis"/>).</summary>
    public static WindowResult? Resolve(ShapeContext context, TensorType input, IReadOnlyList<int> kernel, IReadOnlyList<int> stride, PaddingSpec padding)
    {
        int first = input.Dims.Count - kernel.Count;
        var sizes = Enumerable.Range(first, kernel.Count).Select(i => input.Dims[i]).ToList();
        var axes = sizes.Select((size, i) => SpatialMath.Resolve(size, kernel[i], stride[i], padding.ForAxis(i))).ToArray();

        for (int i = 0; i < axes.Length; i++)
        {
            switch (axes[i].Problem)
            {
                case AxisProblem.KernelTooLarge:
                    context.FailAt(
                        "kernelSize",
                        Descriptors.KernelTooLarge,
                        context.Label,
                        string.Join("x", kernel),
                        input.ShapeText,
                        string.Join("x", sizes),
                        padding.ToString());
                    return null;
                case AxisProblem.NeedsConcreteSize:
                    context.NeedsConcreteSize(
                        input,
                        sizes[i],
                        "Same padding with a stride of " + stride[i] + " over a symbolic size depends on the size modulo the stride; use Padding.Valid or an explicit padding there (the size becomes (" + sizes[i] + " + 2p - k) / " + stride[i] + " + 1), stride 1, or a fixed size");
                    return null;
            }
        }

        return new WindowResult(axes.Select(a => a.Size!).ToEquatableArray(), SpatialMath.Plan(axes));
    }
}
