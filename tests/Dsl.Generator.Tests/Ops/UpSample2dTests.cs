using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>UpSample2d(scale, mode): the scaled height and width, a 4-D input and a scale of at least 1, and the TorchSharp call.</summary>
public class UpSample2dTests
{
    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters.
    [InlineData("32, 28, 28", "UpSample2d(2, mode: UpSampleMode.Bilinear)", "\"[B, 32, 56, 56]\", 0, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Fact]
    public void Upsampling_features_asks_for_a_reshape() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|UpSample2d(2)|]);",
        "DSL0002",
        "UpSample2d 'up_sample2d_1' expects a 4-D input [B, C, H, W] but got [B, 10]; a 2-D [B, F] input needs .Reshape(C, H, W) first",
        "var x = g.Input(\"x\", 10);");

    [Fact]
    public void A_scale_of_0_is_reported_at_the_argument() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.UpSample2d([|0|]));",
        "DSL0007",
        "UpSample2d: 'scaleFactor' must be at least 1 but is 0",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void Upsampling_is_torchs_interpolate() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.UpSample2d(2));", "interpolate(x, scale_factor: new double[] { 2.0, 2.0 }, mode: global::TorchSharp.torch.InterpolationMode.Nearest); // [B, 3, 16, 16]", "var x = g.Input(\"x\", 3, 8, 8);");
}
