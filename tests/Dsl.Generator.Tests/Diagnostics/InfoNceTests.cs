using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Loss.InfoNce() through the generator: no target column, [B, B] logits only (DSL0213), its code in C# and PyTorch.</summary>
public class InfoNceTests
{
    private const string Pair = "var a = g.Input(\"a\", 8); var b = g.Input(\"b\", 8);";

    private const string Clip = """
        var ea = a.Linear(4).Normalize(dim: -1); var eb = b.Linear(4).Normalize(dim: -1);
        g.Output("ea", ea); g.Output("eb", eb);
        var logits = Ops.BatchSimilarity(ea, eb) * g.Parameter("logit_scale", 1).Exp();
        """;

    [Fact]
    public void Clip_logits_need_no_target_column()
    {
        var run = DefineBody.Run(Clip + "g.Loss(\"clip\", logits, Loss.InfoNce());", Pair);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        string code = run.GeneratedSource("Net");
        Assert.Contains("LossFunctions.InfoNce(", code);
        Assert.DoesNotContain("Targets(global::TorchSharp.torch.Tensor", code);
        string python = run.PyTorchSource("Net");
        Assert.Contains("0.5 * (F.cross_entropy(", python);
        Assert.Contains(".t(), torch.arange(", python);
    }

    [Fact]
    public void The_one_sided_form_reads_the_rows_only()
    {
        var run = DefineBody.Run(Clip + "g.Loss(\"nce\", logits, Loss.InfoNce(symmetric: false));", Pair);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("symmetric: false", run.GeneratedSource("Net"));
        Assert.DoesNotContain("0.5 * (", run.PyTorchSource("Net"));
    }

    [Fact]
    public void A_mask_weights_the_samples() =>
        Assert.True(DefineBody.Run(Clip + "g.Loss(\"clip\", logits, Loss.InfoNce().MaskedBy(\"keep\"));", Pair).Diagnostics.IsEmpty);

    [Theory]
    [InlineData("var s = Ops.CosineSimilarity(a, b); g.Output(\"s\", s); g.Loss(\"clip\", s, Loss.InfoNce());", "'s' is [B, 1]")]
    [InlineData("var s = Ops.MatMul(a.Reshape(8, 1), b.Reshape(1, 8)); g.Output(\"s\", s); g.Loss(\"clip\", s, Loss.InfoNce());", "'s' is [B, 8, 8]")]
    public void Other_logits_are_reported(string body, string found)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, Pair).Diagnostics);

        Assert.Equal("DSL0213", diagnostic.Id);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("InfoNce needs [B, B]", message);
        Assert.Contains(found, message);
        Assert.Contains("compute them with Ops.BatchSimilarity(a, b)", message);
    }
}
