using System.Globalization;
using System.Text.RegularExpressions;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// MultiheadAttention's attention mask (PyTorch's attn_mask) at compile time: the shapes the
/// mask may have against the query and key lengths, the generated code of each form, and each mistake at its argument.
/// (The attention's other shapes and diagnostics are in the topic files of Shapes/ and Diagnostics/.)
/// </summary>
public class MultiheadAttentionTests
{
    private const string CrossInputs = "var x = g.Input(\"x\", Dim.Of(\"T\"), 8); var kv = g.Input(\"kv\", Dim.Of(\"S\"), 8);";

    [Theory]
    [InlineData("var m = g.Input(\"m\", DType.Int64, Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, attnMask: m));", "[B, T, 8]")]
    [InlineData("var m = g.Input(\"m\", Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, causal: true, attnMask: m));", "[B, T, 8]")]
    [InlineData("var m = g.Input(\"m\", 2, Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, attnMask: m));", "[B, T, 8]")]
    [InlineData("var m = g.Input(\"m\", 1, Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, attnMask: m));", "[B, T, 8]")]
    public void An_attention_mask_is_per_sample_or_per_head(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void A_batch_of_one_mask_is_PyTorchs_mask_for_every_sample() =>
        DefineBody.AssertOutputShape("g.Output(\"y\", x.MultiheadAttention(2, attnMask: Ops.Zeros(5, 5)));", "[B, 5, 8]", "var x = g.Input(\"x\", 5, 8);");

    [Fact]
    public void A_cross_attention_mask_has_a_row_per_query_and_a_column_per_key() =>
        DefineBody.AssertOutputShape("var m = g.Input(\"m\", Dim.Of(\"T\"), Dim.Of(\"S\")); g.Output(\"y\", x.MultiheadAttention(2, keyValue: kv, attnMask: m));", "[B, T, 8]", CrossInputs);

    [Theory]
    [InlineData("var m = g.Input(\"m\", Dim.Of(\"T\"), 4);", "'attnMask' must be [B, T, T] (one row per query of [B, T, 8], one column per key of [B, T, 8]), [B, 2, T, T] per head, or a batch of one [1, T, T] for every sample, but is [B, T, 4]")]
    [InlineData("var m = g.Input(\"m\", 3, Dim.Of(\"T\"), Dim.Of(\"T\"));", "but is [B, 3, T, T]")]
    [InlineData("var m = g.Input(\"m\", Dim.Of(\"T\"));", "but is [B, T]")]
    public void A_mask_of_another_shape_is_reported_at_its_argument(string declaration, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(declaration + " g.Output(\"y\", x.MultiheadAttention(2, attnMask: m));").Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal("m", diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_cross_attention_mask_over_the_queries_twice_names_both_lengths() =>
        DefineBody.AssertSingle(
            "var m = g.Input(\"m\", Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, keyValue: kv, attnMask: m));",
            "DSL0007",
            "'attnMask' must be [B, T, S] (one row per query of [B, T, 8], one column per key of [B, S, 8])",
            CrossInputs);

    [Fact]
    public void Only_the_mask_may_be_a_batch_of_one() =>
        DefineBody.AssertSingle(
            "g.Output(\"y\", Ops.MultiheadAttention(x, Ops.Zeros(5, 8), Ops.Zeros(5, 8), 2, attnMask: Ops.Zeros(5, 5)));",
            "DSL0007",
            "only 'attnMask' may be a batch of one",
            "var x = g.Input(\"x\", 5, 8);");

    [Fact]
    public void A_flag_mask_becomes_additive_in_both_emitters()
    {
        var run = DefineBody.Run("var m = g.Input(\"m\", DType.Int64, Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, causal: true, attnMask: m, name: \"attention\"));");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Contains("global::TorchSharp.torch.zeros_like(m, dtype: global::TorchSharp.torch.ScalarType.Float32).masked_fill(m.ne(0), float.NegativeInfinity).unsqueeze(1), 2, ", source);
        Assert.Contains("global::Dsl.Modules.AttentionResult.Masked(this.attention, x, x, x, null, ", source);
        Assert.Contains(".triu(1) + global::TorchSharp.torch.zeros_like(m", source);
        string python = run.PyTorchSource("Net");
        Assert.Contains("torch.zeros_like(m, dtype=torch.float32).masked_fill(m != 0, float(\"-inf\")).unsqueeze(1).expand(x.shape[0], 2, -1, -1).flatten(0, 1)", python);
    }

    [Fact]
    public void A_float_mask_per_head_is_added_as_it_is()
    {
        var run = DefineBody.Run("var m = g.Input(\"m\", 2, Dim.Of(\"T\"), Dim.Of(\"T\")); g.Output(\"y\", x.MultiheadAttention(2, attnMask: m, name: \"attention\"));");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("global::Dsl.Modules.AttentionResult.Masked(this.attention, x, x, x, null, m, 2, ", run.GeneratedSource("Net"));
        Assert.Contains("this.training, out _)", run.GeneratedSource("Net"));
    }
}
