using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>BatchNorm1d / 2d / 3d: the layout each expects, the running statistics counted as non-trainable, and the TorchSharp module.</summary>
public class BatchNormTests
{
    [Fact]
    public void BatchNorm2d_on_features_points_to_BatchNorm1d() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|BatchNorm2d()|]);",
        "DSL0002",
        "BatchNorm2d 'batch_norm_1' expects a 4-D input [B, C, H, W] but got [B, 32]; use BatchNorm1d for a [B, F] input",
        "var x = g.Input(\"x\", 32);");

    [Fact]
    public void BatchNorm1d_accepts_features_and_sequences_and_counts_running_stats_as_non_trainable()
    {
        var run = DefineBody.Run("g.Output(\"a\", f.BatchNorm1d()); g.Output(\"b\", s.BatchNorm1d());", "var f = g.Input(\"f\", 32); var s = g.Input(\"s\", 8, 100);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        // The layer table: output shape, trainable (scale and shift) and non-trainable (running mean and variance) parameters.
        Assert.Contains("\"[B, 32]\", 64, 64, new string[]", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
        Assert.Contains("\"[B, 8, 100]\", 16, 16, new string[]", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
    }

    [Theory]
    [InlineData("2, 8, 16, 16", "BatchNorm3d()", "\"[B, 2, 8, 16, 16]\", 4, 4")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Fact]
    public void The_norm_is_a_registered_module() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.BatchNorm2d());", "var batch_norm_1 = this.batch_norm_1.forward(x); // [B, 3, 8, 8]", "var x = g.Input(\"x\", 3, 8, 8);");
}
