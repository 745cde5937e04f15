using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Loss.InBatchTriplet() through the generator: no target column, [B, B] similarities only (DSL0213), its margin and
/// hardest-negative option in the generated C# and PyTorch.
/// </summary>
public class InBatchTripletTests
{
    private const string Pair = "var a = g.Input(\"a\", 8); var b = g.Input(\"b\", 8);";

    private const string Towers = """
        var ea = a.Linear(4).Normalize(dim: -1); var eb = b.Linear(4).Normalize(dim: -1);
        g.Output("ea", ea); g.Output("eb", eb);
        var s = Ops.BatchSimilarity(ea, eb);
        """;

    [Fact]
    public void The_mean_form_needs_no_target_column_and_passes_its_margin()
    {
        var run = DefineBody.Run(Towers + "g.Loss(\"triplet\", s, Loss.InBatchTriplet(margin: 0.3));", Pair);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        string code = run.GeneratedSource("Net");
        Assert.Contains("LossFunctions.InBatchTriplet(", code);
        Assert.Contains(", 0.3)", code);
        Assert.DoesNotContain("hardest", code);
        Assert.DoesNotContain("Targets(global::TorchSharp.torch.Tensor", code);
        string python = run.PyTorchSource("Net");
        Assert.Contains("((0.3 - ", python);
        Assert.Contains(".sum(1) / max(", python);
        Assert.DoesNotContain(".amax(1)", python);
    }

    [Fact]
    public void The_default_margin_is_0_2()
    {
        var run = DefineBody.Run(Towers + "g.Loss(\"triplet\", s, Loss.InBatchTriplet());", Pair);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains(", 0.2)", run.GeneratedSource("Net"));
    }

    [Fact]
    public void The_hardest_form_takes_the_row_maximum()
    {
        var run = DefineBody.Run(Towers + "g.Loss(\"vsepp\", s, Loss.InBatchTriplet(margin: 0.2, hardest: true));", Pair);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains(", 0.2, hardest: true)", run.GeneratedSource("Net"));
        string python = run.PyTorchSource("Net");
        Assert.Contains(".amax(1)", python);
        Assert.DoesNotContain(".sum(1) / max(", python);
    }

    [Fact]
    public void A_mask_weights_the_anchors() =>
        Assert.True(DefineBody.Run(Towers + "g.Loss(\"triplet\", s, Loss.InBatchTriplet().MaskedBy(\"keep\"));", Pair).Diagnostics.IsEmpty);

    [Fact]
    public void A_margin_that_is_not_positive_is_refused()
    {
        var diagnostic = Assert.Single(DefineBody.Run(Towers + "g.Loss(\"triplet\", s, Loss.InBatchTriplet(margin: -0.1));", Pair).Diagnostics);

        Assert.Contains("margin", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("var s = Ops.CosineSimilarity(a, b); g.Output(\"s\", s); g.Loss(\"triplet\", s, Loss.InBatchTriplet());", "'s' is [B, 1]")]
    [InlineData("var s = Ops.MatMul(a.Reshape(8, 1), b.Reshape(1, 8)); g.Output(\"s\", s); g.Loss(\"triplet\", s, Loss.InBatchTriplet(hardest: true));", "'s' is [B, 8, 8]")]
    public void Other_predictions_are_reported(string body, string found)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, Pair).Diagnostics);

        Assert.Equal("DSL0213", diagnostic.Id);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("InBatchTriplet needs [B, B]", message);
        Assert.Contains(found, message);
        Assert.Contains("compute them with Ops.BatchSimilarity(a, b)", message);
    }
}
