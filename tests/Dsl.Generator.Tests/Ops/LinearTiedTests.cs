using System.Linq;
using Dsl.Generator.Shapes;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// Weight tying, <c>x.Linear(outFeatures, tiedTo: wte)</c>: the Linear's weight is the Embedding's table (GPT-2's
/// <c>lm_head.weight = wte.weight</c>). Its shape, its parameter count (the table counted once), its mistakes reported
/// at the argument, and the tie in the TorchSharp and PyTorch code.
/// </summary>
public class LinearTiedTests
{
    private const string Tokens = "var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\"));";

    private const string Head = "var wte = tokens.Embedding(28, 32, name: \"wte\"); var h = (wte + 1).LayerNorm(name: \"ln_f\");";

    [Fact]
    public void A_tied_head_maps_the_embedding_width_to_the_vocabulary() =>
        DefineBody.AssertOutputShape(Head + "g.Output(\"y\", h.Linear(28, tiedTo: wte, name: \"lm_head\"));", "[B, T, 28]", Tokens);

    [Theory]
    [InlineData("h.Linear(28, tiedTo: wte)", 0L)]
    [InlineData("h.Linear(28, tiedTo: wte, bias: true)", 28L)]
    [InlineData("h.Linear(28)", (28L * 32) + 28)]
    public void The_table_is_counted_once_and_a_tied_head_owns_only_its_bias(string head, long own)
    {
        var run = DefineBody.Run(Head + "g.Output(\"y\", " + head + ");", Tokens);
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        var spec = Assert.Single(run.Specs);
        var model = ShapeInference.Analyze(spec);

        Assert.Equal(own, model.Nodes[spec.Outputs[0].Node].TrainableParameters);
        const long table = 28 * 32, layerNorm = 2 * 32;
        Assert.Equal(table + layerNorm + own, model.Nodes.Sum(n => n.TrainableParameters));
    }

    [Fact]
    public void The_tie_is_written_once_every_layer_is_built_in_TorchSharp_and_PyTorch()
    {
        var run = DefineBody.Run(Head + "g.Output(\"y\", h.Linear(28, tiedTo: wte, name: \"lm_head\"));", Tokens);
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);

        string torchSharp = run.GeneratedSource("Net");
        Assert.Contains("this.lm_head.weight = this.wte.get_parameter(\"weight\")!;", torchSharp);
        Assert.Contains("Linear(32, 28, hasBias: false)", torchSharp);
        Assert.True(torchSharp.IndexOf("lm_head.weight =", System.StringComparison.Ordinal) > torchSharp.IndexOf("register_module(\"lm_head\"", System.StringComparison.Ordinal));

        string pyTorch = run.PyTorchSource("Net");
        Assert.Contains("nn.Linear(32, 28, bias=False)", pyTorch);
        Assert.Contains("self.lm_head.weight = self.wte.weight", pyTorch);
    }

    [Fact]
    public void Tying_to_a_node_that_is_not_an_Embedding_is_reported_at_tiedTo() =>
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", Dim.Of("T"), 32);
                    var act = x.Linear(32, name: "proj").Gelu();
                    g.Output("y", act.Linear(32, tiedTo: [|act|]));
                }
            }
            """,
            "DSL0007",
            "Linear 'linear_1': tiedTo must be the node an Embedding of this model returns (its [numEmbeddings, embeddingDim] table becomes the weight), but is 'gelu_1', the result of Gelu; keep the Embedding's node (var wte = tokens.Embedding(...)) and tie to it, or drop tiedTo for a Linear with its own weight");

    [Fact]
    public void An_input_width_other_than_the_embedding_dim_is_reported_at_tiedTo() =>
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                    var wte = tokens.Embedding(28, 32, name: "wte");
                    g.Output("y", wte.Linear(64).Linear(28, tiedTo: [|wte|]));
                }
            }
            """,
            "DSL0007",
            "Linear 'linear_2': the tied table 'wte' is [28, 32], so the input's last axis must have embeddingDim = 32 features, but it has 64; project the input to 32 features first (.Linear(32)), or tie to an Embedding of that width");

    [Fact]
    public void OutFeatures_other_than_the_vocabulary_is_reported_at_outFeatures() =>
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                    var wte = tokens.Embedding(28, 32, name: "wte");
                    g.Output("y", wte.Linear([|30|], tiedTo: wte));
                }
            }
            """,
            "DSL0007",
            "Linear 'linear_1': the tied table 'wte' is [28, 32], so outFeatures must be its numEmbeddings, 28, but is 30; write .Linear(28, tiedTo: ...)");

    [Fact]
    public void A_null_tiedTo_is_reported_rather_than_left_untied()
    {
        var run = DefineBody.Run(Head + "g.Output(\"y\", h.Linear(28, tiedTo: null!));", Tokens);
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id.StartsWith("DSL", System.StringComparison.Ordinal)));
        Assert.Contains("tiedTo", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A submodel's table is not this model's to share (and a frozen one would be trained through the head): tiedTo refuses its output.</summary>
    [Fact]
    public void A_submodels_embedding_cannot_be_tied_to()
    {
        var run = GeneratorHarness.Run(
            """
            using Dsl;
            [Model]
            public partial class Inner
            {
                static void Define(Graph g) => g.Output("e", g.Input("tokens", DType.Int64, Dim.Of("T")).Embedding(28, 32, name: "wte"));
            }
            """,
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
                    var wte = g.Use<Inner>("encoder", frozen: true).Apply(tokens);
                    g.Output("y", wte.Linear(28, tiedTo: wte));
                }
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains("tiedTo must be the node an Embedding of this model returns", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_tied_head_reads_the_embedding_initializer_in_ONNX()
    {
        var run = GeneratorHarness.RunWithOnnx("using Dsl;\n[Model]\npublic partial class Net\n{\n    static void Define(Graph g)\n    {\n        " +
            Tokens + Head + "g.Output(\"y\", h.Linear(28, tiedTo: wte, name: \"lm_head\"));\n    }\n}\n");
        Assert.Equal("", run.DslDiagnostics);
        string onnx = run.Generated.Single(g => g.HintName.EndsWith(".Onnx.g.cs", System.StringComparison.Ordinal)).Source;
        var initializers = onnx.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("g.Initializer(", System.StringComparison.Ordinal)).ToList();

        Assert.Single(initializers, l => l.StartsWith("g.Initializer(\"wte.weight\", \"float[28,32]\")", System.StringComparison.Ordinal));
        Assert.DoesNotContain(initializers, l => l.Contains("lm_head", System.StringComparison.Ordinal));
    }
}
