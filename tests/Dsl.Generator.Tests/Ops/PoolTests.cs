using System.Globalization;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>MaxPool / AvgPool, 1-D and 2-D: PyTorch's sizes (per-axis windows, padding, ceilMode), Keras' same padding where a pool can express it, each mistake at its argument, and the TorchSharp call.</summary>
public class PoolTests
{
    private const string CeilInputs = "var x = g.Input(\"x\", 2, 6, 5); var s = g.Input(\"s\", 2, Dim.Of(\"L\"));";

    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters.
    [InlineData("4, 100", "MaxPool1d(2)", "\"[B, 4, 50]\", 0, 0")]
    [InlineData("4, 100", "AvgPool1d(3, stride: 1, padding: 1)", "\"[B, 4, 100]\", 0, 0")]
    [InlineData("4, 100", "MaxPool1d(3, stride: 2, padding: Padding.Same)", "\"[B, 4, 50]\", 0, 0")]
    [InlineData("32, 28, 28", "MaxPool2d((2, 1))", "\"[B, 32, 14, 28]\", 0, 0")]
    [InlineData("32, 28, 28", "AvgPool2d((3, 1), stride: (1, 1), padding: (1, 0))", "\"[B, 32, 28, 28]\", 0, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Theory]
    [InlineData("g.Output(\"y\", x.MaxPool2d(3, stride: 2, ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 3, 2]")]
    [InlineData("g.Output(\"y\", x.MaxPool2d(3, stride: 2)); g.Output(\"o\", s);", "[B, 2, 2, 2]")]
    [InlineData("g.Output(\"y\", x.AvgPool2d(2, padding: 1, ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 4, 3]")]
    [InlineData("g.Output(\"y\", x.AvgPool2d((2, 3), stride: (2, 1), padding: (1, 1), ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 4, 5]")]
    [InlineData("g.Output(\"y\", x.Flatten(2).Slice(2, 0, 5).MaxPool1d(1, stride: 3, ceilMode: true)); g.Output(\"o\", s);", "[B, 2, 2]")] // the third window would start past the input
    [InlineData("g.Output(\"y\", s.MaxPool1d(3, stride: 2, ceilMode: true)); g.Output(\"o\", x);", "[B, 2, L / 2]")]  // ceil((L - 3) / 2) + 1
    public void Ceil_mode_counts_pytorchs_windows(string body, string shape) => DefineBody.AssertOutputShape(body, shape, CeilInputs);

    [Fact]
    public void Same_padding_with_ceil_mode_is_reported_at_ceilMode()
    {
        var diagnostic = Assert.Single(DefineBody.Run("g.Output(\"y\", x.MaxPool2d(2, padding: Padding.Same, ceilMode: true)); g.Output(\"o\", s);", CeilInputs).Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains("Padding.Same already decides the partial windows", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal("true", diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_symbolic_length_whose_last_window_may_start_past_it_needs_its_size() =>
        DefineBody.AssertSingle("g.Output(\"y\", s.MaxPool1d(1, stride: 3, ceilMode: true)); g.Output(\"o\", x);", "DSL0006", "with ceilMode and a stride above kernelSize - padding", CeilInputs);

    [Fact]
    public void Pooling_window_larger_than_the_input_is_reported() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.AvgPool2d([|4|]));",
        "DSL0003",
        "AvgPool2d 'avg_pool2d_1': kernel 4x4 does not fit the input [B, 16, 3, 5]",
        "var x = g.Input(\"x\", 16, 3, 5);");

    [Fact]
    public void Pooling_padding_over_half_the_kernel_is_reported_at_padding() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.MaxPool2d(2, padding: [|2|]));",
        "DSL0007",
        "padding 2 must be between 0 and half the kernel (1 for kernel 2)",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void AvgPool2d_same_padding_that_is_asymmetric_at_the_top_is_reported_at_padding() => DefineBody.AssertSingleAt(
        // ceil(8 / 2) = 4 outputs need (4 - 1) * 2 + 5 - 8 = 3 rows of padding: top 1, bottom 2.
        "g.Output(\"y\", x.AvgPool2d(5, stride: 2, padding: [|Padding.Same|]));",
        "DSL0007",
        "AvgPool2d 'avg_pool2d_1': Padding.Same here needs asymmetric padding (top 1, bottom 2, left 1, right 2) which AvgPool2d cannot express",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void AvgPool2d_same_padding_only_at_the_bottom_right_is_accepted() =>
        // One row and column at the bottom right: PyTorch's ceil_mode adds exactly that partial window.
        DefineBody.AssertEmits(
            "g.Output(\"y\", x.AvgPool2d(2, padding: Padding.Same));",
            "avg_pool2d(x, 2, stride: 2, ceil_mode: true); // [B, 3, 4, 4]",
            "var x = g.Input(\"x\", 3, 7, 7);");

    [Fact]
    public void Max_pooling_is_torchs_functional_one() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.MaxPool2d(2));", "max_pool2d(x, 2, stride: 2); // [B, 3, 4, 4]", "var x = g.Input(\"x\", 3, 8, 8);");
}
