using System;
using System.Linq;
using System.Threading;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Tests.Diagnostics;
using Dsl.Generator.Tests.Shapes;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Robustness;

/// <summary>
/// The generator's work is bounded by the size limits and stops when the build is cancelled, so an editor never
/// freezes: a stack of recurrent layers past <see cref="SizeLimits.MaxStackedLayers"/> is an error at the argument
/// before any emitter runs, the largest allowed stack is emitted in full (every layer, in the module, the PyTorch
/// source and the ONNX graph, with Dsl.Onnx referenced), and every emitter observes its cancellation token. No timing
/// is asserted: boundedness is shown by the limit and by the diagnostic.
/// </summary>
public class BoundedWorkTests
{
    private static string Model(string layer) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                g.Output("y", g.Input("x", 5, 8).{{layer}});
            }
        }
        """;

    [Theory]
    [InlineData("Lstm(4, numLayers: [|int.MaxValue|])", "Lstm 'lstm_1'", "2147483647")]
    [InlineData("Gru(4, numLayers: [|3000|], bidirectional: true)", "Gru 'gru_1'", "3000")]
    [InlineData("Rnn(1, numLayers: [|257|])", "Rnn 'rnn_1'", "257")]
    public void A_stack_of_recurrent_layers_past_the_limit_is_an_error_at_the_argument(string layer, string label, string count)
    {
        DiagnosticAssert.Single(
            Model(layer),
            "DSL0007",
            $"{label}: numLayers {count} is more than the 256 layers one recurrent op may stack " +
            "(the generated module, PyTorch source and ONNX graph write every layer out); stack at most 256, or chain several ops");
    }

    [Fact]
    public void Past_the_limit_with_Dsl_Onnx_the_model_gets_a_skeleton_and_a_graph_that_throws_both_compiling()
    {
        var run = GeneratorHarness.RunWithOnnx(Model("Lstm(4, numLayers: int.MaxValue, bidirectional: true)"));

        Assert.Equal(3, run.Generated.Length);
        Assert.Contains("has no ONNX graph because its Define has DSL errors", run.Generated.Single(g => g.HintName.EndsWith(".Onnx.g.cs", StringComparison.Ordinal)).Source, StringComparison.Ordinal);
        Assert.Empty(run.OutputDiagnostics.Where(d => ModelGenerator.IsGenerated(d.Location.SourceTree!)));
    }

    [Fact]
    public void The_largest_allowed_stack_is_emitted_in_full_by_every_emitter()
    {
        var run = GeneratorHarness.RunWithOnnx(Model($"Lstm(4, numLayers: {SizeLimits.MaxStackedLayers}, bidirectional: true)"));
        var user = run.Output.SyntaxTrees.First();

        Assert.Empty(GeneratorHarness.AnalyzeFile(run.Output, user));
        Assert.Empty(run.GeneratorDiagnostics);
        string onnx = run.Generated.Single(g => g.HintName.EndsWith(".Onnx.g.cs", StringComparison.Ordinal)).Source;
        Assert.Equal(SizeLimits.MaxStackedLayers, onnx.Split('\n').Count(l => l.TrimStart().StartsWith("g.Node(\"LSTM\"", StringComparison.Ordinal)));
        Assert.Contains($"weight_ih_l{SizeLimits.MaxStackedLayers - 1}_reverse", onnx, StringComparison.Ordinal);
        Assert.Contains($"nn.LSTM(8, 4, {SizeLimits.MaxStackedLayers}, bias=True", run.PyTorchSource("Net"), StringComparison.Ordinal);
        Assert.Contains($"LSTM(8, 4, {SizeLimits.MaxStackedLayers},", run.GeneratedSource("Net"), StringComparison.Ordinal);
    }

    /// <summary>Value names that repeat once per layer (<c>lstm_1/direction</c>) are numbered as before, without a search from 2 each time.</summary>
    [Fact]
    public void Repeated_onnx_value_names_are_numbered_in_order()
    {
        var graph = new OnnxGraphSpec();
        Assert.Equal(new[] { "a", "a_2", "a_3", "b", "a_4" }, new[] { "a", "a", "a", "b", "a" }.Select(graph.Unique).ToArray());

        graph.Unique("c_2");
        Assert.Equal(new[] { "c", "c_3", "c_4" }, new[] { "c", "c", "c" }.Select(graph.Unique).ToArray());
    }

    private static Dsl.Generator.Model.AnalyzedModel Stack()
    {
        var b = new SpecBuilder("Stacked");
        int x = b.Input("x", 5, 8);
        int y = b.Add(new RecurrentOp(RecurrentKind.Lstm, 4, SizeLimits.MaxStackedLayers, true, 0), null, x);
        b.Output("y", y);
        var model = b.Analyze();
        AnalysisAssert.NoDiagnostics(model);
        return model;
    }

    [Fact]
    public void Every_emitter_and_the_shape_rules_stop_when_the_build_is_cancelled()
    {
        var model = Stack();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ModelEmitter.Emit(model, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SkeletonEmitter.Emit(model, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => PyTorchEmitter.EmitCSharp(model, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => OnnxGraphEmitter.Build(model, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => OnnxGraphEmitter.Emit(model, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ShapeInference.Analyze(model.Spec, null, cancelled.Token));

        // Not cancelled, the same calls finish.
        Assert.Equal(SizeLimits.MaxStackedLayers, OnnxGraphEmitter.Build(model).Nodes.Count(n => n.OpType == "LSTM"));
    }

    [Fact]
    public void A_graph_past_the_node_limit_is_refused_with_a_reason_not_built()
    {
        var graph = new OnnxGraphSpec();
        for (int i = 0; i < OnnxGraphSpec.MaxNodes; i++)
        {
            graph.Add(new OnnxNodeSpec("Identity", "v" + i, new[] { "x" }));
        }

        var refused = Assert.Throws<OnnxUnsupportedException>(() => graph.Add(new OnnxNodeSpec("Identity", "last", new[] { "x" })));
        Assert.Contains("more than 200,000 nodes", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A residual shortcut of another size: the stride that would match is found in closed form, also for sizes no loop could walk.</summary>
    [Theory]
    [InlineData(28, 28, 14, 14, ".Conv2d(1, 1, stride: 2))")]
    [InlineData(28, 27, 14, 14, ".Conv2d(1, 1, stride: 2))")]
    [InlineData(3_000_000, 3_000_000, 2, 2, ".Conv2d(1, 1, stride: 1500000))")]
    [InlineData(28, 28, 14, 7, "the sizes 28x28 and 14x7 are not a stride apart; make the strides, kernels and paddings of the two branches agree; ")]
    public void The_stride_suggested_for_a_shortcut_is_computed_without_a_loop(int h, int w, int rh, int rw, string expected)
    {
        string source = $$"""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var a = g.Input("a", 1, {{h}}, {{w}});
                    var b = g.Input("b", 1, {{rh}}, {{rw}});
                    g.Output("y", a + b);
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DSL0001");
        Assert.Contains(expected, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + "; ", StringComparison.Ordinal);
    }
}
