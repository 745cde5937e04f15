using System.Linq;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>LayerNorm's shape rule, parameter count and diagnostics at the offending argument.</summary>
public class LayerNormTests
{
    private static string Model(string input, string call) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.{{input}}.{{call}});
        }
        """;

    [Theory]
    [InlineData("Input(\"tokens\", Dim.Of(\"T\"), 64)", "LayerNorm()", 128)]
    [InlineData("Input(\"image\", 8, 4, 4)", "LayerNorm(3)", 256)]
    [InlineData("Input(\"image\", 8, 4, 4)", "LayerNorm(2, affine: false)", 0)]
    public void Counts_the_scale_and_shift_of_the_normalized_dims(string input, string call, long parameters)
    {
        var run = GeneratorHarness.Run(Model(input, call));

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains($"{parameters:N0} parameters", run.GeneratedSource("Net"));
    }

    [Fact]
    public void More_dims_than_the_input_has_is_reported_at_dims() => DiagnosticAssert.Single(
        Model("Input(\"x\", 16)", "LayerNorm([|2|])"),
        "DSL0007",
        "LayerNorm 'layer_norm_1': dims 2 is more than the 1 dimension(s) of [B, 16] after the batch; normalize over at most 1");

    [Fact]
    public void A_symbolic_normalized_dim_needs_a_concrete_size()
    {
        var run = GeneratorHarness.Run(Model("Input(\"tokens\", Dim.Of(\"T\"), 64)", "LayerNorm(2)"));

        Assert.Equal("DSL0006", Assert.Single(run.Diagnostics).Id);
    }
}
