using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>ZeroPad2d and Cropping2d (Keras' order: top, bottom, left, right): the sizes, symbolic heights, amounts checked at the argument, and the TorchSharp calls.</summary>
public class ZeroPad2dTests
{
    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters.
    [InlineData("32, 28, 28", "ZeroPad2d((1, 2, 3, 4))", "\"[B, 32, 31, 35]\", 0, 0")]
    [InlineData("32, 28, 28", "Cropping2d(2)", "\"[B, 32, 24, 24]\", 0, 0")]
    [InlineData("3, Dim.Of(\"H\"), 8", "ZeroPad2d(1).Cropping2d((0, 1, 2, 3))", "\"[B, 3, H + 1, 5]\", 0, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Fact]
    public void Cropping_more_than_the_image_is_reported_at_cropping() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.Cropping2d([|(4, 4, 0, 0)|]));",
        "DSL0007",
        "Cropping2d 'cropping2d_1': cropping (top 4, bottom 4, left 0, right 0) of [B, 3, 8, 8] leaves [B, 3, 0, 8]; crop less than the height and width",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void Negative_padding_is_reported_at_the_argument() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.ZeroPad2d([|(1, -1, 0, 0)|]));",
        "DSL0007",
        "ZeroPad2d: 'padding' must hold integers of at least 0 but is (1, -1, 0, 0)",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void Padding_is_torchs_pad_last_axis_first_and_cropping_narrows() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.ZeroPad2d((1, 2, 3, 4)).Cropping2d(1));", "var cropping2d_1 = zero_pad2d_1.narrow(2, 1, 9).narrow(3, 1, 13); // [B, 3, 9, 13]", "var x = g.Input(\"x\", 3, 8, 8);");
}
