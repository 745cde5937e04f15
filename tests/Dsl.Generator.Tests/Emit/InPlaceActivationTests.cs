using System.Text.RegularExpressions;

namespace Dsl.Generator.Tests.Emit;

/// <summary>
/// A ReLU overwrites its input only where that is safe for autograd and for the rest of the graph: the input is a fresh
/// tensor of a convolution, dense layer, BatchNorm or sum, and nothing else reads it.
/// </summary>
public class InPlaceActivationTests
{
    private static string Forward(string body)
    {
        var run = GeneratorHarness.Run($$"""
            using Dsl;

            namespace InPlace;

            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
            {{body}}
                }
            }
            """);
        Assert.Equal("", run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        // The float32 forward only (the bf16-mixed forward after it repeats the same activations).
        string source = run.GeneratedSource("Net");
        int mixed = source.IndexOf("private Outputs ForwardBf16Mixed(", System.StringComparison.Ordinal);
        return mixed < 0 ? source : source.Substring(0, mixed);
    }

    private static int InPlace(string source) => Regex.Matches(source, @"\.relu_\(\)").Count;

    private static int OutOfPlace(string source) => Regex.Matches(source, @"functional\.relu\(").Count;

    [Fact]
    public void A_relu_after_a_layer_or_a_sum_that_nothing_else_reads_overwrites_it()
    {
        string source = Forward("""
                    var x = g.Input("x", 3, 8, 8);
                    var a = x.Conv2d(4, 3).Relu();
                    var b = a.BatchNorm2d().Relu();
                    var c = (b + b.Conv2d(4, 1)).Relu();
                    g.Output("y", c.Flatten().Linear(5).Relu());
            """);

        Assert.Equal(4, InPlace(source));
        Assert.Equal(0, OutOfPlace(source));
    }

    [Fact]
    public void A_relu_whose_input_is_read_again_keeps_it()
    {
        string source = Forward("""
                    var x = g.Input("x", 6);
                    var h = x.Linear(6);
                    g.Output("y", h.Relu() + h);
            """);

        Assert.Equal(0, InPlace(source));
        Assert.Equal(1, OutOfPlace(source));
    }

    [Fact]
    public void A_relu_whose_input_is_an_output_or_a_loss_operand_keeps_it()
    {
        string source = Forward("""
                    var x = g.Input("x", 6);
                    var h = x.Linear(6);
                    g.Output("h", h);
                    g.Output("y", h.Relu());
                    var z = x.Linear(6);
                    g.Minimize("m", z);
                    g.Output("r", z.Relu());
            """);

        Assert.Equal(0, InPlace(source));
        Assert.Equal(2, OutOfPlace(source));
    }

    [Fact]
    public void A_relu_after_a_view_an_input_or_another_activation_keeps_its_input()
    {
        // A view shares storage with the tensor it views; an input is the caller's tensor; a sigmoid's backward reads its result.
        string source = Forward("""
                    var x = g.Input("x", 2, 4, 4);
                    var flat = x.Conv2d(2, 1).Flatten().Relu();
                    var raw = x.Relu().Flatten();
                    g.Output("y", flat + raw + x.Conv2d(2, 1).Sigmoid().Flatten().Relu());
            """);

        Assert.Equal(0, InPlace(source));
        Assert.Equal(3, OutOfPlace(source));
    }
}
