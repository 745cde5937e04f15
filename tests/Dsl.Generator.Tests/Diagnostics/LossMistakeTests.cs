using System.Linq;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Loss mistakes that used to compile silently: binary cross entropy on values outside [0, 1], cross entropy on a
/// sigmoid, a contrastive loss on a similarity, a weight of 0 (an integer division).
/// </summary>
public class LossMistakeTests
{
    private static string Model(string body) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", 16);
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("x.Linear(1)", "Linear 'linear_1'")]
    [InlineData("x.Linear(1).Tanh()", "Tanh 'tanh_1'")]
    [InlineData("x.Linear(1).Relu().Flatten()", "Relu 'relu_1'")]
    [InlineData("x.Linear(4).LogSoftmax()", "LogSoftmax 'log_softmax_1'")]
    [InlineData("x.Linear(1).Sigmoid() * 2", "ScalarMultiply 'scalar_1'")]
    public void Binary_cross_entropy_on_values_outside_0_1_is_an_error(string prediction, string source)
    {
        var run = GeneratorHarness.Run(Model($"var p = {prediction}; g.Output(\"p\", p); g.Loss(\"t\", p, Loss.BinaryCrossEntropy());"));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0209", error.Id);
        Assert.Contains($"comes from {source},", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("x.Linear(1).Sigmoid()")]
    [InlineData("1 - x.Linear(1).Sigmoid()")]
    [InlineData("x.Linear(4).Softmax().Reshape(2, 2).Flatten()")]
    [InlineData("x.Linear(1).Sigmoid() * 0.5")]
    [InlineData("x")]
    [InlineData("x.Linear(1).Sigmoid().Dropout(0.1)")]
    public void Binary_cross_entropy_on_probabilities_or_unknown_values_is_accepted(string prediction)
    {
        var run = GeneratorHarness.Run(Model($"var p = {prediction}; g.Output(\"p\", p); g.Loss(\"t\", p, Loss.BinaryCrossEntropy());"));

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
    }

    [Fact]
    public void Cross_entropy_on_a_sigmoid_warns_like_on_a_softmax()
    {
        var run = GeneratorHarness.Run(Model("var p = x.Linear(10).Sigmoid(); g.Output(\"p\", p); g.Loss(\"label\", p, Loss.CrossEntropy());"));

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("DSL0901", warning.Id);
        Assert.Contains("is already a Sigmoid; return the logits (remove .Sigmoid())", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_contrastive_loss_on_a_cosine_similarity_is_an_error()
    {
        var run = GeneratorHarness.Run(Model("var y = g.Input(\"y\", 16); var s = Ops.CosineSimilarity(x.Linear(4), y.Linear(4)); g.Output(\"s\", s); g.Loss(\"same\", s, Loss.Contrastive(1.0));"));

        Assert.Equal(new[] { "DSL0210" }, run.Diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("1 / 2", true)]
    [InlineData("0", true)]
    [InlineData("0.5", false)]
    [InlineData("1.0 / 2", false)]
    public void A_weight_of_0_warns_at_the_weight(string weight, bool warns)
    {
        var run = GeneratorHarness.Run(Model($"var p = x.Linear(2); g.Output(\"p\", p); g.Loss(\"t\", p, Loss.Mse(), weight: {weight});"));

        Assert.Equal(warns ? new[] { "DSL0903" } : new string[0], run.Diagnostics.Select(d => d.Id));
        if (warns)
        {
            var location = run.Diagnostics[0].Location;
            Assert.Equal(weight, location.SourceTree!.GetText().ToString(location.SourceSpan));
        }
    }
}
