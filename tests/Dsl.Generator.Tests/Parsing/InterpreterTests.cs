using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Parsing;

public class InterpreterTests
{
    private static ModelSpec Single(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Equal("", run.DslDiagnostics);
        return Assert.Single(run.Specs);
    }

    [Fact]
    public void Seed_000_classifier_is_read_in_order_with_explicit_and_generated_names()
    {
        var spec = Single("""
            using Dsl;
            namespace Demo;
            [Model]
            public partial class DigitClassifier
            {
                static void Define(Graph g)
                {
                    var image = g.Input("image", 1, 28, 28);
                    var logits = image
                        .Conv2d(32, 3, name: "layer1").Relu()
                        .Conv2d(64, 3, name: "layer2").Relu()
                        .MaxPool2d(2).Dropout(0.25)
                        .Flatten()
                        .Linear(128, name: "layer3").Relu().Dropout(0.5)
                        .Linear(10, name: "layer4");
                    g.Output("logits", logits);
                }
            }
            """);

        Assert.True(spec.IsComplete);
        Assert.Equal("Demo", spec.Namespace);
        Assert.Equal(
            new[] { "image", "layer1", "relu_1", "layer2", "relu_2", "max_pool2d_1", "dropout_1", "flatten_1", "layer3", "relu_3", "dropout_2", "layer4" },
            spec.Nodes.Select(n => n.Name));
        Assert.Equal(new ConvOp(32, 3, 1, PaddingSpec.Valid, true), spec.Nodes[1].Op);
        Assert.Equal(new PoolOp(PoolKind.Max, 2, 2, PaddingSpec.Valid), spec.Nodes[5].Op);
        Assert.Equal(new DropoutOp(0.25), spec.Nodes[6].Op);
        Assert.Equal(new InputOp("image", EquatableArray.Create(DimExpr.Of(1), DimExpr.Of(28), DimExpr.Of(28))), spec.Nodes[0].Op);
        Assert.Equal(new[] { 10 }, spec.Nodes[11].Inputs);
        var output = Assert.Single(spec.Outputs);
        Assert.Equal(("logits", 11), (output.Name, output.Node));
    }

    [Fact]
    public void Loops_helpers_conditionals_and_interpolated_names_unroll_into_the_graph()
    {
        var spec = Single("""
            using Dsl;
            [Model]
            public partial class Tiny
            {
                static readonly int[] Widths = { 8, 16 };

                static Node Block(Node x, int filters, bool down, string name)
                {
                    int stride = down ? 2 : 1;
                    var y = x.Conv2d(filters, 3, stride: stride, padding: Padding.Same, name: $"{name}_conv");
                    if (down)
                    {
                        x = x.Conv2d(filters, 1, stride: 2, name: name + "_proj");
                    }
                    return (x + y).Relu();
                }

                static void Define(Graph g)
                {
                    Node x = g.Input("image", 3, 32, 32).Conv2d(8, 1, name: "stem");
                    for (int i = 0; i < Widths.Length; i++)
                    {
                        foreach (var j in new[] { 0, 1 })
                        {
                            if (j == 1 && i == 0) continue;
                            x = Block(x, Widths[i], j == 0 && i > 0, $"b{i}_{j}");
                        }
                    }
                    int k = 0;
                    while (k < 2) { x = x * 0.5; k++; }
                    g.Output("features", 1 - x.GlobalAvgPool2d());
                }
            }
            """);

        Assert.True(spec.IsComplete);
        var names = spec.Nodes.Select(n => n.Name).ToList();
        Assert.Equal(new[] { "b0_0_conv", "b1_0_conv", "b1_0_proj", "b1_1_conv" }, names.Where(n => n.StartsWith("b", System.StringComparison.Ordinal)));
        Assert.Equal(new ConvOp(16, 3, 2, PaddingSpec.Same, true), spec.Nodes.Single(n => n.Name == "b1_0_conv").Op);
        Assert.Equal(2, spec.Nodes.Count(n => n.Op is ScalarOp { Operator: BinaryKind.Multiply, Scalar: 0.5, ScalarOnLeft: false }));
        Assert.Contains(spec.Nodes, n => n.Op is ScalarOp { Operator: BinaryKind.Subtract, Scalar: 1, ScalarOnLeft: true });
        Assert.Equal(3, spec.Nodes.Count(n => n.Op is BinaryOp { Operator: BinaryKind.Add }));
    }

    [Fact]
    public void Symbolic_input_dims_are_read_as_named_symbols()
    {
        var spec = Single("""
            using Dsl;
            [Model] public partial class Seq { static void Define(Graph g) { g.Output("y", g.Input("tokens", Dim.Of("T"), 64).Relu()); } }
            """);
        Assert.Equal(new InputOp("tokens", EquatableArray.Create(DimExpr.Sym("T"), DimExpr.Of(64))), spec.Nodes[0].Op);
    }

    [Fact]
    public void An_unrelated_model_without_errors_has_no_diagnostics()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model] public partial class M { static void Define(Graph g) { g.Output("y", g.Input("x", 4).Linear(2)); } }
            """);
        Assert.Equal("", run.DslDiagnostics);
    }
}
