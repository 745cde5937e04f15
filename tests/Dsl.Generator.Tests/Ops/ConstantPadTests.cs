using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// ZeroPad1d, ConstantPad1d and ConstantPad2d in PyTorch's names and argument order (1-D: int or (left, right); 2-D: int
/// or (left, right, top, bottom)): shapes, symbolic lengths, mistakes at the argument, and the code of both backends.
/// </summary>
public class ConstantPadTests
{
    private const string Signal = "var x = g.Input(\"x\", 4, Dim.Of(\"L\"));";

    private const string Image = "var x = g.Input(\"x\", 3, 8, 10);";

    [Theory]
    [InlineData("g.Output(\"y\", x.ZeroPad1d(2));", "[B, 4, L + 4]")]
    [InlineData("g.Output(\"y\", x.ZeroPad1d((3, 0)));", "[B, 4, L + 3]")]
    [InlineData("g.Output(\"y\", x.ConstantPad1d((1, 2), -1.5));", "[B, 4, L + 3]")]
    public void One_d_padding_lengthens_the_sequence(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Signal);

    [Theory]
    [InlineData("g.Output(\"y\", x.ConstantPad2d(1, 0.5));", "[B, 3, 10, 12]")]
    [InlineData("g.Output(\"y\", x.ConstantPad2d((1, 2, 3, 4), 0.5));", "[B, 3, 15, 13]")]
    public void Two_d_padding_takes_left_right_top_bottom_as_PyTorch(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Image);

    [Fact]
    public void A_1d_pad_of_an_image_names_the_layout_it_needs() =>
        DefineBody.AssertSingle("g.Output(\"y\", x.ZeroPad1d(1));", "DSL0002", "ZeroPad1d 'zero_pad1d_1' expects a 3-D input [B, C, L]", Image);

    [Fact]
    public void A_negative_amount_is_reported_at_padding() =>
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 4, 16);
                    g.Output("y", x.ConstantPad1d([|(1, -2)|], 0.0));
                }
            }
            """,
            "DSL0007",
            "ConstantPad1d: 'padding' must hold integers of at least 0 but is (1, -2)");

    [Fact]
    public void The_pads_are_emitted_for_TorchSharp_and_PyTorch_last_axis_first()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.ConstantPad2d((1, 2, 3, 4), 0.5).ZeroPad2d(0));", Image);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("pad(x, new long[] { 1, 2, 3, 4 }, value: 0.5)", run.GeneratedSource("Net"));
        Assert.Contains("F.pad(x, (1, 2, 3, 4), value=0.5)", run.PyTorchSource("Net"));

        var zeros = DefineBody.Run("g.Output(\"y\", x.ZeroPad1d((3, 0)));", Signal);
        Assert.Contains("pad(x, new long[] { 3, 0 })", zeros.GeneratedSource("Net"));
        Assert.Contains("F.pad(x, (3, 0))", zeros.PyTorchSource("Net"));
    }
}
