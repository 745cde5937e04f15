using System.Linq;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>
/// A shared block's later applications are checked against what its weights depend on, not the whole input shape:
/// one encoder reads sequences of different lengths; a different feature size stays DSL0317, naming the axis.
/// </summary>
public class SharedBlockSizesTests
{
    [Fact]
    public void The_siamese_NLI_encoder_reads_a_premise_and_a_hypothesis_of_different_lengths()
    {
        var run = GeneratorHarness.RunWithOnnx("""
            using Dsl;
            [Model]
            public partial class Entailment
            {
                static void Define(Graph g)
                {
                    var premise = g.Input("premise", DType.Int64, Dim.Of("T"));
                    var hypothesis = g.Input("hypothesis", DType.Int64, Dim.Of("S"));
                    var encoder = g.Block("encoder", x => x.Embedding(1000, 32).Lstm(64).Mean(1).Linear(48).Relu());
                    var p = encoder.Apply(premise);
                    var h = encoder.Apply(hypothesis);
                    var logits = Ops.Concat(1, p, h, p * h, p - h).Linear(3);
                    g.Output("logits", logits);
                    g.Loss("label", logits, Loss.CrossEntropy());
                }
            }
            """);

        Assert.Equal("", run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        var spec = Assert.Single(run.Specs);
        Assert.Equal(3, spec.Nodes.Count(n => n.SharedWith >= 0));
        // One LSTM, built once for both lengths.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.GeneratedSource("Entailment"), @"\bLSTM\("));
    }

    [Fact]
    public void A_shared_linear_applies_to_sequences_of_different_lengths()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Projection
            {
                static void Define(Graph g)
                {
                    var project = g.Block("proj", x => x.Linear(8));
                    var a = project.Apply(g.Input("a", Dim.Of("T"), 16)).Mean(1);
                    var b = project.Apply(g.Input("b", Dim.Of("S"), 16)).Mean(1);
                    g.Output("y", a + b);
                }
            }
            """);

        Assert.Equal("", run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
    }

    [Fact]
    public void A_different_feature_size_is_DSL0317_naming_the_axis_the_weights_depend_on()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Mismatch
            {
                static void Define(Graph g)
                {
                    var project = g.Block("proj", x => x.Linear(8));
                    var a = project.Apply(g.Input("a", Dim.Of("T"), 16)).Mean(1);
                    var b = project.Apply(g.Input("b", Dim.Of("S"), 32)).Mean(1);
                    g.Output("y", a + b);
                }
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0317", diagnostic.Id);
        Assert.Contains("[B, T, 16] but this block application gives it [B, S, 32]: its weights depend on axis 2 (16 at the first application, 32 here)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Same_padding_that_resolves_differently_is_DSL0317()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Pools
            {
                static void Define(Graph g)
                {
                    var pool = g.Block("pool", x => x.Conv2d(4, 3, stride: 2, padding: Padding.Same));
                    var a = pool.Apply(g.Input("a", 1, 8, 8)).GlobalAvgPool2d();
                    var b = pool.Apply(g.Input("b", 1, 9, 9)).GlobalAvgPool2d();
                    g.Output("y", a + b);
                }
            }
            """);

        Assert.Equal("DSL0317", Assert.Single(run.Diagnostics).Id);
    }
}
