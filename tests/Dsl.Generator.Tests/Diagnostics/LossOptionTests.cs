using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>The options of the losses are checked at their argument; NLL needs class scores like cross entropy.</summary>
public class LossOptionTests
{
    private static GeneratorRun Run(string loss) => GeneratorHarness.Run($$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                var y = x.Linear(3, name: "head");
                g.Output("y", y);
                g.Loss("t", y, {{loss}});
            }
        }
        """);

    [Theory]
    [InlineData("Loss.CrossEntropy(labelSmoothing: 1.0)", "1.0", "'labelSmoothing' must be at least 0 and below 1 but is 1")]
    [InlineData("Loss.CrossEntropy(soft: true, labelSmoothing: -0.1)", "-0.1", "'labelSmoothing' must be at least 0 and below 1 but is -0.1")]
    [InlineData("Loss.BinaryCrossEntropyWithLogits(posWeight: 0)", "0", "'posWeight' must be")]
    [InlineData("Loss.Huber(delta: -1)", "-1", "'delta' must be")]
    public void An_option_out_of_range_is_reported_at_its_value(string loss, string argument, string message)
    {
        var diagnostic = Assert.Single(Run(loss).Diagnostics);

        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("Loss.CrossEntropy(labelSmoothing: 0.1)", "LossFunctions.CrossEntropy(outputs.Y, targets.T, labelSmoothing: 0.1)")]
    [InlineData("Loss.BinaryCrossEntropyWithLogits(posWeight: 2.5)", "LossFunctions.BinaryCrossEntropyWithLogits(outputs.Y, targets.T, posWeight: 2.5)")]
    [InlineData("Loss.Huber(delta: 0.5)", "LossFunctions.Huber(outputs.Y, targets.T, 0.5)")]
    [InlineData("Loss.KlDivergence()", "LossFunctions.KlDivergence(outputs.Y, targets.T)")]
    public void Options_reach_the_generated_loss(string loss, string call)
    {
        var run = Run(loss);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains(call, run.GeneratedSource("Net"));
    }

    [Fact]
    public void Nll_on_a_single_score_per_sample_is_not_class_scores()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var y = g.Input("x") * 1.0;
                    g.Output("y", y);
                    g.Loss("t", y, Loss.Nll());
                }
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0203", diagnostic.Id);
        Assert.Contains("NLL needs log-probabilities [B, C] (x.LogSoftmax())", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_triplet_margin_loss_is_a_minimized_expression_of_distances()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Triplet
            {
                static void Define(Graph g)
                {
                    var embed = g.Block("embed", x => x.Linear(8));
                    var anchor = embed.Apply(g.Input("anchor", 16));
                    var positive = embed.Apply(g.Input("positive", 16));
                    var negative = embed.Apply(g.Input("negative", 16));
                    var violation = (Ops.EuclideanDistance(anchor, positive) - Ops.EuclideanDistance(anchor, negative) + 1.0).Relu();
                    g.Minimize("triplet", violation);
                }
            }
            """);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("LossFunctions.Mean(outputs.Triplet ?? throw new global::System.ArgumentException(", run.GeneratedSource("Triplet"));
    }
}
