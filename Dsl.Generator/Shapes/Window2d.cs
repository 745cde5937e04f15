using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>The spatial output of a 2-D window (convolution or pooling) and the padding it resolves to.</summary>
internal sealed record Window2dResult(DimExpr Height, DimExpr Width, PaddingPlan Padding);

/// <summary>
/// Resolves both spatial axes of a [B, C, H, W] input under a square window with <see cref="SpatialMath"/>, and
/// reports why not: DSL0003 at <c>kernelSize</c> when the kernel exceeds the padded input, DSL0006 when a stride
/// above 1 meets a symbolic size.
/// </summary>
internal static class Window2d
{
    public static Window2dResult? Resolve(ShapeContext context, TensorType input, int kernel, int stride, PaddingSpec padding)
    {
        DimExpr height = input.Dims[1];
        DimExpr width = input.Dims[2];
        var rows = SpatialMath.Resolve(height, kernel, stride, padding);
        var columns = SpatialMath.Resolve(width, kernel, stride, padding);

        foreach (var (axis, size) in new[] { (rows, height), (columns, width) })
        {
            switch (axis.Problem)
            {
                case AxisProblem.KernelTooLarge:
                    context.FailAt(
                        "kernelSize",
                        Descriptors.KernelTooLarge,
                        context.Label,
                        kernel + "x" + kernel,
                        input.ShapeText,
                        height + "x" + width,
                        padding.ToString());
                    return null;
                case AxisProblem.NeedsConcreteSize:
                    context.NeedsConcreteSize(
                        input,
                        size,
                        "a stride of " + stride + " over a symbolic size has no affine output size; use stride 1 there or give the input a fixed size");
                    return null;
            }
        }

        return new Window2dResult(rows.Size!, columns.Size!, SpatialMath.Plan(rows, columns));
    }
}
