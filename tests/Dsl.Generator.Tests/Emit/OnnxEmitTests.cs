using System;
using System.IO;
using System.Linq;

namespace Dsl.Generator.Tests.Emit;

/// <summary>
/// The ONNX graph file (<c>M.Onnx.g.cs</c>): emitted only where the compilation references Dsl.Onnx, compiling with zero
/// warnings for every seed network, flattened (submodels and shared blocks by weight name), pruned to the declared
/// outputs, and for a model with errors members that throw instead of code that does not compile. (That the graphs
/// compute what the modules compute is tests/Dsl.Onnx.Tests' part, in ONNX Runtime.)
/// </summary>
public class OnnxEmitTests
{
    private static readonly Lazy<GeneratorRun> Seeds = new(() => GeneratorHarness.RunWithOnnx(RepoFiles.ExampleModels().Select(File.ReadAllText).ToArray()));

    [Fact]
    public void Every_seed_network_gets_an_onnx_graph_that_compiles_without_any_warning()
    {
        var run = Seeds.Value;
        Assert.Equal("", run.DslDiagnostics);
        Assert.Equal(RepoFiles.ExampleModels().Length, run.Generated.Count(g => g.HintName.EndsWith(".Onnx.g.cs", StringComparison.Ordinal)));
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
    }

    [Fact]
    public void Without_Dsl_Onnx_no_onnx_file_is_emitted()
    {
        var run = GeneratorHarness.Run(SeedSources.DigitClassifier);
        Assert.Contains(run.Generated, g => g.HintName.EndsWith(".DigitClassifier.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Generated, g => g.HintName.EndsWith(".Onnx.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Submodels_are_inlined_with_their_weights_by_state_dict_name_and_what_only_a_loss_reads_is_left_out()
    {
        string siamese = Onnx(Seeds.Value, "SiameseNet");
        // One set of tower weights, read by both applications.
        Assert.Single(Lines(siamese, "g.Initializer(\"tower.conv2d_1.weight\""));
        Assert.Equal(2, Lines(siamese, "g.Node(\"Conv\"").Count(l => l.Contains("\"tower.conv2d_1.weight\", \"tower.conv2d_1.bias\")", StringComparison.Ordinal)));
        Assert.Contains("g.Node(\"Conv\", \"tower_2/conv2d_1\", \"right\"", siamese, StringComparison.Ordinal);

        // Seed 000: the frozen teacher feeds only the alignment loss; the deployed graph is the student alone.
        string mirror = Onnx(Seeds.Value, "MirrorAlignment");
        Assert.Contains("g.Output(\"student_logits\", \"float[B,10]\");", mirror, StringComparison.Ordinal);
        Assert.DoesNotContain("teacher", mirror, StringComparison.Ordinal);
        Assert.DoesNotContain("misalignment", mirror, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_block_reads_one_set_of_weights()
    {
        var run = GeneratorHarness.RunWithOnnx(Model("""
            var x = g.Input("x", 8);
            var block = g.Block("proj", n => n.Linear(8).Relu());
            g.Output("y", block.Apply(block.Apply(x)));
            """));
        Assert.Equal("", run.DslDiagnostics);
        string onnx = Onnx(run, "Net");
        Assert.Single(Lines(onnx, "g.Initializer(\"proj_linear_1.weight\""));
        Assert.Equal(2, Lines(onnx, "g.Node(\"Gemm\"").Count(l => l.Contains("\"proj_linear_1.weight\", \"proj_linear_1.bias\")", StringComparison.Ordinal)));
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
    }

    [Fact]
    public void Keras_same_padding_becomes_explicit_asymmetric_pads()
    {
        var run = GeneratorHarness.RunWithOnnx(Model("""
            g.Output("y", g.Input("x", 1, 8, 8).Conv2d(4, 3, stride: 2, padding: Padding.Same).MaxPool2d(2, padding: Padding.Same));
            """));
        string onnx = Onnx(run, "Net");
        // 8 -> 4 with a 3x3 kernel and stride 2: one row / column of padding, at the bottom / right (Keras).
        Assert.Contains(".Ints(\"pads\", 0, 0, 1, 1)", Lines(onnx, "g.Node(\"Conv\"").Single(), StringComparison.Ordinal);
        Assert.Contains(".Ints(\"pads\", 0, 0, 0, 0)", Lines(onnx, "g.Node(\"MaxPool\"").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_errors_gets_onnx_members_that_throw_and_compile()
    {
        var run = GeneratorHarness.RunWithOnnx(Model("""g.Output("y", g.Input("x", 1, 8, 8).Linear(10));"""));
        Assert.Contains("DSL0002", run.DslDiagnostics, StringComparison.Ordinal);
        string onnx = Onnx(run, "Net");
        Assert.Contains("throw new global::System.NotSupportedException(\"Model 'Net' has no ONNX graph because its Define has DSL errors", onnx, StringComparison.Ordinal);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
    }

    private static string Onnx(GeneratorRun run, string model) =>
        run.Generated.Single(g => g.HintName.EndsWith("." + model + ".Onnx.g.cs", StringComparison.Ordinal) || g.HintName == model + ".Onnx.g.cs").Source;

    private static string[] Lines(string source, string start) =>
        source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(start, StringComparison.Ordinal)).ToArray();

    private static string Model(string body) => "using Dsl;\n[Model]\npublic partial class Net\n{\n    static void Define(Graph g)\n    {\n        " + body + "\n    }\n}\n";
}
