using System.Globalization;

namespace Dsl.Generator.Tests.Losses;

/// <summary>
/// A constant loss target (<c>Loss.BinaryCrossEntropyWithLogits(target: 1.0)</c>, a GAN's "real" label;
/// <c>Loss.Mse(target: 0.0)</c>): the term needs no target column, the constant reaches both emitters, and a
/// constant a loss on probabilities cannot take is reported at its value.
/// </summary>
public class ConstantTargetTests
{
    private static GeneratorRun Run(string loss, string prediction = "y") => GeneratorHarness.Run($$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 4);
                var y = x.Linear(3, name: "head");
                var p = y.Sigmoid();
                g.Output("y", y);
                g.Output("p", p);
                g.Loss("t", {{prediction}}, {{loss}});
            }
        }
        """);

    [Theory]
    [InlineData("Loss.BinaryCrossEntropyWithLogits(target: 1.0)", "y", "LossFunctions.BinaryCrossEntropyWithLogits(outputs.Y, 1.0)", "F.binary_cross_entropy_with_logits(outputs[\"y\"], torch.full_like(outputs[\"y\"], 1.0))")]
    [InlineData("Loss.BinaryCrossEntropyWithLogits(posWeight: 2.0, target: 0.0)", "y", "LossFunctions.BinaryCrossEntropyWithLogits(outputs.Y, 0.0, posWeight: 2.0)", "pos_weight=torch.tensor(2.0)")]
    [InlineData("Loss.Mse(target: 0.0)", "y", "LossFunctions.Mse(outputs.Y, 0.0)", "F.mse_loss(outputs[\"y\"], torch.full_like(outputs[\"y\"], 0.0))")]
    [InlineData("Loss.Mae(target: 2)", "y", "LossFunctions.Mae(outputs.Y, 2.0)", "F.l1_loss(outputs[\"y\"], torch.full_like(outputs[\"y\"], 2.0))")]
    [InlineData("Loss.BinaryCrossEntropy(target: 0.9)", "p", "LossFunctions.BinaryCrossEntropy(outputs.P, 0.9)", "F.binary_cross_entropy(outputs[\"p\"], torch.full_like(outputs[\"p\"], 0.9))")]
    public void A_constant_target_needs_no_target_column(string loss, string prediction, string call, string pytorch)
    {
        var run = Run(loss, prediction);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Contains(call, source);
        Assert.Contains("public sealed record Targets()", source);
        string python = run.PyTorchSource("Net");
        Assert.Contains(pytorch, python);
        Assert.Contains("target_names = []", python);
    }

    [Theory]
    [InlineData("Loss.BinaryCrossEntropyWithLogits(target: 1.5)", "1.5", "the constant 'target' must be a probability between 0 and 1 but is 1.5")]
    [InlineData("Loss.BinaryCrossEntropy(target: -1.0)", "-1.0", "the constant 'target' must be a probability between 0 and 1 but is -1")]
    [InlineData("Loss.Mse(target: double.NaN)", "double.NaN", "the constant 'target' must be a finite number")]
    public void A_constant_the_loss_cannot_take_is_reported_at_its_value(string loss, string argument, string message)
    {
        var diagnostic = Assert.Single(Run(loss).Diagnostics);

        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void Binary_cross_entropy_on_logits_with_a_constant_target_is_still_reported()
    {
        var diagnostic = Assert.Single(Run("Loss.BinaryCrossEntropy(target: 1.0)").Diagnostics);
        Assert.Equal("DSL0209", diagnostic.Id);
    }
}
