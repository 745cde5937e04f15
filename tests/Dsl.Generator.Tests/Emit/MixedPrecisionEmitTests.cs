using System;
using System.Linq;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Emit;

/// <summary>
/// Where the bf16-mixed forward casts: before the ops that compute in bfloat16 (convolutions, linear layers, matmul), up
/// to float32 before reductions, normalisations, softmax and float32-only layers, once per value and dtype, and every
/// output back to float32. The generated code compiles without warnings.
/// </summary>
public class MixedPrecisionEmitTests
{
    private static string MixedForward(string source)
    {
        int start = source.IndexOf("private Outputs ForwardBf16Mixed(Inputs inputs)", StringComparison.Ordinal);
        Assert.True(start >= 0, "no bf16-mixed forward in:\n" + source);
        int end = source.IndexOf("\n    }\n", start, StringComparison.Ordinal);
        return source.Substring(start, end - start);
    }

    private static string[] Statements(string forward) => forward.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("var ", StringComparison.Ordinal) || l.StartsWith("return ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_digit_classifier_casts_its_input_once_and_its_logits_back()
    {
        var run = GeneratorHarness.Run(SeedSources.DigitClassifier);
        Assert.True(run.Diagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, run.DslDiagnostics + GeneratorHarness.Describe(run.OutputDiagnostics));
        string source = run.GeneratedSource("DigitClassifier");
        var lines = Statements(MixedForward(source));

        // The image goes down to bfloat16 once; conv, relu, pool, dropout and flatten all stay in bfloat16 (no cast
        // between them); the logits come back up to float32 for the loss.
        var casts = lines.Where(l => l.Contains(".to(global::TorchSharp.torch.ScalarType.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, casts.Count);
        Assert.Contains("ScalarType.BFloat16); // bfloat16 for Conv2d", casts[0], StringComparison.Ordinal);
        Assert.Contains("ScalarType.Float32); // outputs are float32", casts[1], StringComparison.Ordinal);
        Assert.All(lines.Where(l => l.Contains("forward(", StringComparison.Ordinal) && (l.Contains("Conv2d", StringComparison.Ordinal) || l.Contains("linear", StringComparison.OrdinalIgnoreCase))),
            l => Assert.Contains("global::Dsl.Training.MixedPrecision.Bf16(this.", l, StringComparison.Ordinal));
        Assert.Contains("if (global::Dsl.Training.MixedPrecision.IsActive)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Softmax_reductions_and_norms_compute_in_float32_and_a_value_is_cast_once()
    {
        // h feeds a LayerNorm (float32 weights), a Mean and a Softmax: one float32 cast of h serves all three.
        var run = DefineBody.Run(
            "var h = x.Linear(16); var n = h.LayerNorm(1); var m = h.Mean(new[] { 1 }); var s = h.Softmax(-1); g.Output(\"n\", n); g.Output(\"m\", m); g.Output(\"s\", s.Linear(4));");
        Assert.True(run.Diagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, run.DslDiagnostics + GeneratorHarness.Describe(run.OutputDiagnostics));
        var lines = Statements(MixedForward(run.GeneratedSource("Net")));

        var up = lines.Where(l => l.StartsWith("var linear_1_f32 = ", StringComparison.Ordinal)).ToList();
        Assert.Single(up);
        Assert.True(lines.Any(l => l.StartsWith("var layer_norm_1 = ", StringComparison.Ordinal) && l.Contains("(linear_1_f32)", StringComparison.Ordinal) && l.EndsWith("float32", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.True(lines.Any(l => l.StartsWith("var mean_1 = linear_1_f32.", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.True(lines.Any(l => l.StartsWith("var softmax_1 = ", StringComparison.Ordinal) && l.Contains("linear_1_f32", StringComparison.Ordinal)), string.Join("\n", lines));
        // The softmax feeds a Linear: cast down again, then its output back up for the model's output.
        Assert.True(lines.Any(l => l.StartsWith("var softmax_1_bf16 = softmax_1.to(global::TorchSharp.torch.ScalarType.BFloat16)", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.True(lines.Any(l => l.StartsWith("var linear_2_f32 = linear_2.to(global::TorchSharp.torch.ScalarType.Float32)", StringComparison.Ordinal)), string.Join("\n", lines));
    }

    [Fact]
    public void Mixed_dtypes_meeting_at_an_elementwise_op_compute_in_float32()
    {
        // a (bfloat16, from a Linear) + b (float32, a LayerNorm): the sum is float32, only a is cast.
        var run = DefineBody.Run("var a = x.Linear(8); var b = x.LayerNorm(1); g.Output(\"y\", a + b);");
        Assert.True(run.Diagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, run.DslDiagnostics + GeneratorHarness.Describe(run.OutputDiagnostics));
        var lines = Statements(MixedForward(run.GeneratedSource("Net")));
        Assert.True(lines.Any(l => l.StartsWith("var linear_1_f32 = linear_1.to(global::TorchSharp.torch.ScalarType.Float32); // float32 for Add", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.False(lines.Any(l => l.StartsWith("var layer_norm_1_", StringComparison.Ordinal)), string.Join("\n", lines));
    }

    [Fact]
    public void A_model_without_a_bfloat16_op_keeps_one_forward()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.LayerNorm(1).Relu());");
        string source = run.GeneratedSource("Net");
        Assert.DoesNotContain("ForwardBf16Mixed", source, StringComparison.Ordinal);
        Assert.DoesNotContain("MixedPrecision", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Matmul_and_int64_inputs_are_cast_where_needed_only()
    {
        var run = DefineBody.Run(
            "var ids = g.Input(\"ids\", DType.Int64, Dim.Of(\"T\")); var e = ids.Embedding(50, 8); var q = x.Linear(8); g.Output(\"y\", Ops.MatMul(q, e.Transpose(1, 2)));");
        Assert.True(run.Diagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, run.DslDiagnostics + GeneratorHarness.Describe(run.OutputDiagnostics));
        var lines = Statements(MixedForward(run.GeneratedSource("Net")));
        // The ids are int64 (not cast); the embedding is float32 and its transpose goes down to bfloat16 for the matmul.
        Assert.False(lines.Any(l => l.StartsWith("var ids_", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.True(lines.Any(l => l.Contains("_bf16 = ", StringComparison.Ordinal) && l.Contains("bfloat16 for MatMul", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.True(lines.Any(l => l.StartsWith("var matmul_", StringComparison.Ordinal) && l.EndsWith("bfloat16", StringComparison.Ordinal)), string.Join("\n", lines));
    }
}
