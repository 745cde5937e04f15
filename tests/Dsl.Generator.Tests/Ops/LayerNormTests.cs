using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>LayerNorm(dims) over the last axes: PyTorch's parameter counts, dims checked at the argument, concrete normalized sizes, and the TorchSharp module.</summary>
public class LayerNormTests
{
    [Theory]
    [InlineData("Input(\"tokens\", Dim.Of(\"T\"), 64)", "LayerNorm()", 128)]
    [InlineData("Input(\"image\", 8, 4, 4)", "LayerNorm(3)", 256)]
    [InlineData("Input(\"image\", 8, 4, 4)", "LayerNorm(2, affine: false)", 0)]
    public void Counts_the_scale_and_shift_of_the_normalized_dims(string input, string call, long parameters)
    {
        var run = DefineBody.Run($"g.Output(\"y\", x.{call});", $"var x = g.{input};");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains($"{parameters:N0} parameters", run.GeneratedSource("Net"));
    }

    [Fact]
    public void More_dims_than_the_input_has_is_reported_at_dims() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.LayerNorm([|2|]));",
        "DSL0007",
        "LayerNorm 'layer_norm_1': dims 2 is more than the 1 dimension(s) of [B, 16] after the batch; normalize over at most 1",
        "var x = g.Input(\"x\", 16);");

    [Fact]
    public void A_symbolic_normalized_dim_needs_a_concrete_size()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.LayerNorm(2));", "var x = g.Input(\"tokens\", Dim.Of(\"T\"), 64);");

        Assert.Equal("DSL0006", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void The_norm_is_a_registered_module() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.LayerNorm());", "var layer_norm_1 = this.layer_norm_1.forward(x); // [B, T, 8]");
}
