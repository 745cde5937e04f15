using System.Text.RegularExpressions;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// AttentionWeights() at compile time: [B, T, S] of the attention it reads ([B, heads, T, S] per head, the head axis with
/// its role), read from the attention's own call, and an error on anything else.
/// </summary>
public class AttentionWeightsTests
{
    private const string CrossInputs = "var x = g.Input(\"x\", Dim.Of(\"T\"), 8); var kv = g.Input(\"kv\", Dim.Of(\"S\"), 8);";

    [Theory]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2).AttentionWeights());", "[B, T, T]", DefineBody.Sequence)]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: kv).AttentionWeights());", "[B, T, S]", CrossInputs)]
    [InlineData("g.Output(\"y\", Ops.MultiheadAttention(x, kv, kv, 4).AttentionWeights().Sum(-1));", "[B, T]", CrossInputs)]
    public void Attention_weights_have_a_row_per_query_and_a_column_per_key(string body, string shape, string inputs) =>
        DefineBody.AssertOutputShape(body, shape, inputs);

    [Theory]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(4).AttentionWeights(averageHeads: false));", "[B, 4, T, T]", DefineBody.Sequence)]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: kv).AttentionWeights(averageHeads: false));", "[B, 2, T, S]", CrossInputs)]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: kv).AttentionWeights(averageHeads: false).Mean(1));", "[B, T, S]", CrossInputs)]
    public void Per_head_weights_have_a_head_axis_after_the_batch(string body, string shape, string inputs) =>
        DefineBody.AssertOutputShape(body, shape, inputs);

    /// <summary>The one op that certainly makes a head axis: the hover and shape comments say so ([B, Hd:4, T, T]).</summary>
    [Fact]
    public void Per_head_weights_show_the_head_role()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.MultiheadAttention(4, name: \"attention\").AttentionWeights(averageHeads: false));");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("[B, Hd:4, T, T]", run.GeneratedSource("Net"));
    }

    /// <summary>
    /// libtorch's module averages its weights over the heads: a model that reads each head's weights computes the attention
    /// from the module's parameters (AttentionResult.Attend) and a reader of the average takes their mean; the PyTorch
    /// export asks for average_attn_weights=False.
    /// </summary>
    [Fact]
    public void Per_head_weights_are_computed_once_and_averaged_where_the_average_is_read()
    {
        var run = DefineBody.Run("var a = x.MultiheadAttention(2, causal: true, name: \"attention\"); g.Output(\"y\", a); g.Output(\"heads\", a.AttentionWeights(averageHeads: false)); g.Output(\"mean\", a.AttentionWeights());");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Single(Regex.Matches(source, @"AttentionResult\.Attend\(this\.attention, x, x, x, null, "));
        Assert.Contains(", 2, 0.0, this.training, averageWeights: false, out var attention_weights)", source);
        Assert.Contains("attention_weights.mean(new long[] { 1 })", source);
        string python = run.PyTorchSource("Net");
        Assert.Contains("need_weights=True, average_attn_weights=False", python);
        Assert.Contains("attention_weights[1].mean(1)", python);
    }

    [Fact]
    public void The_weights_come_from_the_same_call_of_the_attention()
    {
        var run = DefineBody.Run("var a = x.MultiheadAttention(2, name: \"attention\"); g.Output(\"y\", a); g.Output(\"w\", a.AttentionWeights());");
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Single(Regex.Matches(source, @"this\.attention\.forward\("));
        Assert.Contains("global::Dsl.Modules.AttentionResult.Output(this.attention.forward(x.transpose(0, 1), x.transpose(0, 1), x.transpose(0, 1), null, true, null), out var attention_weights).transpose(0, 1)", source);
        string python = run.PyTorchSource("Net");
        Assert.Contains("need_weights=True", python);
        Assert.Contains("attention_weights[1]", python);
    }

    [Fact]
    public void An_attention_whose_weights_nobody_reads_does_not_compute_them() =>
        Assert.Contains("null, false, null).Item1", DefineBody.Run("g.Output(\"y\", x.MultiheadAttention(2, name: \"attention\"));").GeneratedSource("Net"));

    [Fact]
    public void The_weights_of_something_else_are_an_error() =>
        DefineBody.AssertSingle("g.Output(\"y\", x.Linear(8).AttentionWeights());", "DSL0007", "AttentionWeights() reads the weights of a MultiheadAttention, but 'linear_1' is a Linear; call it on the attention's own node");
}
