using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>AdaptiveAvgPool2d(size): the output size whatever the input's, a 4-D input and sizes of at least 1, and the TorchSharp call.</summary>
public class AdaptiveAvgPool2dTests
{
    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters.
    [InlineData("32, 28, 28", "AdaptiveAvgPool2d(7)", "\"[B, 32, 7, 7]\", 0, 0")]
    [InlineData("32, 28, 28", "AdaptiveAvgPool2d(1, 4)", "\"[B, 32, 1, 4]\", 0, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Fact]
    public void Pooling_features_asks_for_a_reshape() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|AdaptiveAvgPool2d(2)|]);",
        "DSL0002",
        "AdaptiveAvgPool2d 'adaptive_avg_pool2d_1' expects a 4-D input [B, C, H, W] but got [B, 10]; a 2-D [B, F] input needs .Reshape(C, H, W) first",
        "var x = g.Input(\"x\", 10);");

    [Fact]
    public void An_output_size_of_0_is_reported_at_the_argument() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.AdaptiveAvgPool2d([|0|]));",
        "DSL0007",
        "AdaptiveAvgPool2d: 'outputHeight' must be at least 1 but is 0",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void The_pool_is_torchs_functional_one() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.AdaptiveAvgPool2d(2));", "adaptive_avg_pool2d(x, new long[] { 2, 2 }); // [B, 3, 2, 2]", "var x = g.Input(\"x\", 3, 8, 8);");
}
