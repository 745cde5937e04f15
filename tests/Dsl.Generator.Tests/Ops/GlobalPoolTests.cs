using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>GlobalAvgPool / GlobalMaxPool, 1-D and 2-D: one value per channel, the layout each expects, and the TorchSharp reduction.</summary>
public class GlobalPoolTests
{
    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters.
    [InlineData("32, 28, 28", "GlobalMaxPool2d()", "\"[B, 32]\", 0, 0")]
    [InlineData("4, 100", "GlobalAvgPool1d()", "\"[B, 4]\", 0, 0")]
    [InlineData("4, 100", "GlobalMaxPool1d()", "\"[B, 4]\", 0, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Theory]
    [InlineData("g.Output(\"y\", x.[|GlobalAvgPool2d()|]);", "var x = g.Input(\"x\", 10);", "GlobalAvgPool2d 'global_avg_pool2d_1' expects a 4-D input [B, C, H, W] but got [B, 10]; a 2-D [B, F] input needs .Reshape(C, H, W) first")]
    [InlineData("g.Output(\"y\", x.[|GlobalMaxPool1d()|]);", "var x = g.Input(\"x\", 3, 8, 8);", "GlobalMaxPool1d 'global_max_pool1d_1' expects a 3-D input [B, C, L] but got [B, 3, 8, 8]; reshape it to [B, C, L] first with .Reshape(C, L)")]
    public void A_pool_of_the_wrong_layout_names_the_one_it_needs(string body, string inputs, string message) =>
        DefineBody.AssertSingleAt(body, "DSL0002", message, inputs);

    [Fact]
    public void The_average_is_a_mean_over_the_spatial_axes() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.GlobalAvgPool2d());", "var global_avg_pool2d_1 = x.mean(new long[] { 2, 3 }); // [B, 3]", "var x = g.Input(\"x\", 3, 8, 8);");
}
