using Dsl.Generator.Model;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>Output sizes and padding of one axis, checked against PyTorch (valid / explicit) and Keras (same).</summary>
public class SpatialMathTests
{
    [Theory]
    [InlineData(28, 3, 1, 26)]
    [InlineData(24, 2, 2, 12)]
    [InlineData(7, 2, 2, 3)]
    [InlineData(128, 7, 2, 61)]
    [InlineData(3, 3, 1, 1)]
    public void Valid_is_floor_of_span_over_stride_plus_one(int input, int kernel, int stride, int expected)
    {
        var axis = SpatialMath.Resolve(DimExpr.Of(input), kernel, stride, PaddingSpec.Valid);

        Assert.Equal(new AxisResult(DimExpr.Of(expected), 0, 0, AxisProblem.None), axis);
    }

    [Theory]
    [InlineData(28, 3, 1, 1, 28)]
    [InlineData(28, 3, 2, 1, 14)]
    [InlineData(5, 4, 2, 1, 2)]
    public void Explicit_padding_follows_pytorch(int input, int kernel, int stride, int pad, int expected)
    {
        var axis = SpatialMath.Resolve(DimExpr.Of(input), kernel, stride, new PaddingSpec(PaddingMode.Explicit, pad));

        Assert.Equal(new AxisResult(DimExpr.Of(expected), pad, pad, AxisProblem.None), axis);
    }

    [Theory]
    [InlineData(128, 7, 2, 64, 2, 3)]
    [InlineData(7, 2, 2, 4, 0, 1)]
    [InlineData(28, 3, 1, 28, 1, 1)]
    [InlineData(8, 2, 1, 8, 0, 1)]
    [InlineData(32, 1, 2, 16, 0, 0)]
    [InlineData(2, 5, 1, 2, 2, 2)]
    [InlineData(8, 1, 3, 3, 0, 0)]
    public void Same_follows_keras_with_the_extra_element_at_the_end(int input, int kernel, int stride, int expected, int before, int after)
    {
        var axis = SpatialMath.Resolve(DimExpr.Of(input), kernel, stride, PaddingSpec.Same);

        Assert.Equal(new AxisResult(DimExpr.Of(expected), before, after, AxisProblem.None), axis);
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_does_not_fit()
    {
        Assert.Equal(AxisProblem.KernelTooLarge, SpatialMath.Resolve(DimExpr.Of(2), 3, 1, PaddingSpec.Valid).Problem);
        Assert.Equal(AxisProblem.KernelTooLarge, SpatialMath.Resolve(DimExpr.Of(2), 5, 1, new PaddingSpec(PaddingMode.Explicit, 1)).Problem);
        Assert.Equal(AxisProblem.None, SpatialMath.Resolve(DimExpr.Of(2), 4, 1, new PaddingSpec(PaddingMode.Explicit, 1)).Problem);
    }

    [Fact]
    public void Symbolic_sizes_stay_affine_at_stride_one_only()
    {
        var t = DimExpr.Sym("T");

        Assert.Equal(new AxisResult(t.Add(-4), 0, 0, AxisProblem.None), SpatialMath.Resolve(t, 5, 1, PaddingSpec.Valid));
        Assert.Equal(new AxisResult(t, 1, 2, AxisProblem.None), SpatialMath.Resolve(t, 4, 1, PaddingSpec.Same));
        Assert.Equal(new AxisResult(t.Add(-1), 1, 1, AxisProblem.None), SpatialMath.Resolve(t, 4, 1, new PaddingSpec(PaddingMode.Explicit, 1)));
        Assert.Equal(AxisProblem.NeedsConcreteSize, SpatialMath.Resolve(t, 2, 2, PaddingSpec.Same).Problem);
    }
}
