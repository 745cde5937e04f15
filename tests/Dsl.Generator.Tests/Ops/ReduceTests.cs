using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Mean / Sum / Max over axes, with keepDim: PyTorch's shapes, the axes checked, and the TorchSharp call.</summary>
public class ReduceTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Mean(1));", "[B, 8]")]
    [InlineData("g.Output(\"y\", x.Sum(new[] { 1, -1 }, keepDim: true));", "[B, 1, 1]")]
    [InlineData("g.Output(\"y\", x.Max(-1, keepDim: true));", "[B, T, 1]")]
    public void Reductions_drop_or_keep_their_axes_as_PyTorch(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Sum(new[] { 2, -1 }));", "DSL0007", "axis 2 of [B, T, 8] is named twice")]
    [InlineData("g.Output(\"y\", x.Max(3));", "DSL0007", "dim 3 is out of range for [B, T, 8]")]
    public void A_repeated_or_missing_axis_is_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void A_mean_is_a_tensor_mean_over_its_axes() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Mean(1));", "var mean_1 = x.mean(new long[] { 1 }, false); // [B, 8]");
}
