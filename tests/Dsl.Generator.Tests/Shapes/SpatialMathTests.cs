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

    [Fact]
    public void The_padding_plan_has_one_entry_per_spatial_axis()
    {
        var depth = SpatialMath.Resolve(DimExpr.Of(8), 3, 1, PaddingSpec.Same);
        var rows = SpatialMath.Resolve(DimExpr.Of(28), 4, 1, PaddingSpec.Same);
        var columns = SpatialMath.Resolve(DimExpr.Of(28), 2, 2, PaddingSpec.Valid);

        var plan = SpatialMath.Plan(depth, rows, columns);

        Assert.Equal(3, plan.Rank);
        Assert.Equal(new[] { 1, 1, 0 }, plan.Before);
        Assert.Equal(new[] { 1, 2, 0 }, plan.After);
        Assert.False(plan.IsSymmetric);
        Assert.Equal((1, 2, 0, 0), (plan.Top, plan.Bottom, plan.Left, plan.Right));
        Assert.Equal(new PaddingPlan(1, 2, 0, 0), SpatialMath.Plan(rows, columns));
        Assert.True(PaddingPlan.Zero(1).IsZero && PaddingPlan.Zero(1).IsSymmetric);
    }

    [Fact]
    public void Explicit_padding_is_in_pytorch_order_last_axis_first()
    {
        var plan = new PaddingPlan(EquatableArray.Create(1, 2, 3), EquatableArray.Create(4, 5, 6));

        Assert.EndsWith("pad(x, new long[] { 3, 6, 2, 5, 1, 4 })", Dsl.Generator.Emit.TorchSharpCode.Pad("x", plan));
        Assert.EndsWith("pad(x, new long[] { 2, 3, 0, 1 })", Dsl.Generator.Emit.TorchSharpCode.Pad("x", new PaddingPlan(0, 1, 2, 3)));
        Assert.EndsWith("pad(x, new long[] { 1, 2 })", Dsl.Generator.Emit.TorchSharpCode.Pad("x", new PaddingPlan(EquatableArray.Create(1), EquatableArray.Create(2))));
    }
}
