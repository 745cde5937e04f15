namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Conv2d with groups (depthwise) and dilation: shapes, PyTorch's parameter counts, diagnostics at the argument.</summary>
public class GroupedConvolutionTests
{
    private static string Model(string call) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("image", 32, 28, 28).{{call}});
        }
        """;

    [Theory]
    [InlineData("Conv2d(32, 3, groups: 32)", "[B, 32, 26, 26]", "320 parameters")]               // depthwise: 32 x 1 x 3 x 3 + 32
    [InlineData("Conv2d(64, 3, groups: 4, bias: false)", "[B, 64, 26, 26]", "4,608 parameters")] // 64 x 8 x 3 x 3
    [InlineData("Conv2d(16, 3, dilation: 2)", "[B, 16, 24, 24]", "4,624 parameters")]             // covers 5 x 5
    [InlineData("Conv2d(16, 3, padding: Padding.Same, dilation: 3)", "[B, 16, 28, 28]", "4,624 parameters")]
    public void Groups_and_dilation_give_PyTorch_shapes_and_counts(string call, string shape, string parameters)
    {
        var run = GeneratorHarness.Run(Model(call));

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = DefineBody.WithoutRoles(run.GeneratedSource("Net"));
        Assert.Contains($"-> {shape}, {parameters}", source);
    }

    [Fact]
    public void Groups_that_do_not_divide_the_channels_are_reported_at_groups() => DiagnosticAssert.Single(
        Model("Conv2d(48, 3, groups: [|5|])"),
        "DSL0007",
        "Conv2d 'conv2d_1': groups 5 must divide both the input channels (32) and outChannels (48); a depthwise convolution uses groups = the input channels");
}
