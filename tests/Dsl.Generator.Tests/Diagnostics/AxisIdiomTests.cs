using System.Linq;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Common PyTorch idioms: negative axes for Softmax and Concat, and Reshape with one inferred -1.</summary>
public class AxisIdiomTests
{
    private static GeneratorRun Run(string body) => DefineBody.Run(body);

    [Theory]
    [InlineData("g.Output(\"y\", x.Softmax(-1));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.LogSoftmax(-2));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", Ops.Concat(-1, x, x.Linear(4, name: \"half\").Relu()));", null)]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 2, 4, 6).Reshape(-1, 6)); g.Output(\"x_out\", x);", "[B, 8, 6]")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 2, 4, 6).Reshape(3, -1)); g.Output(\"x_out\", x);", "[B, 3, 16]")]
    public void Idioms_compile_with_the_shapes_PyTorch_gives(string body, string? shape)
    {
        var run = Run(body.Replace("x.Linear(4, name: \"half\").Relu()", "x"));

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        if (shape is not null)
        {
            Assert.Contains($"y: {shape} float32", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
        }
    }

    [Fact]
    public void Concat_along_the_last_axis_adds_the_last_sizes()
    {
        var run = Run("var y = g.Input(\"y\", Dim.Of(\"T\"), 3); g.Output(\"z\", Ops.Concat(-1, x, y));");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("z: [B, T, F:11] float32", run.GeneratedSource("Net"));
    }

    [Theory]
    [InlineData("g.Output(\"y\", x.Softmax(-3));", "DSL0007", "dim -3 is out of range for [B, T, 8]; use 1 to 2 or -2 to -1")]
    [InlineData("g.Output(\"y\", Ops.Concat(0, x, x));", "DSL0007", "dim 0 is out of range for [B, T, 8]; use 1 to 2 or -2 to -1 (concatenating along the batch, dim 0, is not supported)")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 2, 4, 6).Reshape(-1, -1)); g.Output(\"x_out\", x);", "DSL0007", "[B, -1, -1] has more than one -1; only one size can be inferred")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 2, 4, 6).Reshape(-1, 5)); g.Output(\"x_out\", x);", "DSL0007", "the sizes of [B, -1, 5] other than -1 multiply to 5, which does not divide the 48 elements per sample of [B, 2, 4, 6]; -1 cannot be inferred")]
    public void Axes_out_of_range_and_impossible_inferences_are_errors(string body, string id, string message)
    {
        DefineBody.AssertSingle(body, id, message);
    }
}
