using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// <c>Conv1d(..., padding: Padding.Causal)</c>, Keras' <c>padding="causal"</c>: dilation x (kernel - 1) zeros before the
/// sequence only, so the length is kept at stride 1 (symbolic too), and only a Conv1d takes it.
/// </summary>
public class CausalConvTests
{
    private const string Signal = "var x = g.Input(\"x\", 2, Dim.Of(\"L\"));";

    [Theory]
    [InlineData("g.Output(\"y\", x.Conv1d(8, 2, padding: Padding.Causal, dilation: 4));", "[B, 8, L]")]
    [InlineData("g.Output(\"y\", x.Conv1d(8, 3, padding: Padding.Causal).Conv1d(8, 3, padding: Padding.Causal, dilation: 2));", "[B, 8, L]")]
    public void A_causal_convolution_keeps_the_length(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Signal);

    [Fact]
    public void A_strided_causal_convolution_has_ceil_of_length_over_stride() =>
        DefineBody.AssertOutputShape("g.Output(\"y\", x.Conv1d(8, 3, stride: 2, padding: Padding.Causal));", "[B, 8, 8]", "var x = g.Input(\"x\", 2, 15);");

    [Fact]
    public void The_left_padding_is_written_before_the_convolution_in_both_backends()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.Conv1d(8, 2, padding: Padding.Causal, dilation: 4));", Signal);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("pad(x, new long[] { 4, 0 })", run.GeneratedSource("Net"));
        Assert.Contains("F.pad(x, (4, 0))", run.PyTorchSource("Net"));
    }

    [Fact]
    public void Causal_padding_elsewhere_is_reported_at_padding() =>
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 3, 8, 8);
                    g.Output("y", x.Conv2d(4, 3, padding: [|Padding.Causal|]));
                }
            }
            """,
            "DSL0007",
            "Conv2d: Padding.Causal pads only the sequence of a Conv1d (left by dilation x (kernelSize - 1)); use Padding.Same, Padding.Valid or an int here, or pad explicitly first (.ZeroPad1d((left, 0)))");
}
