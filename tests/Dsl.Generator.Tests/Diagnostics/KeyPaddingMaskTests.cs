using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>MultiheadAttention's key padding mask at compile time: its shape, its dtype, the generated mask, and mistakes at the argument.</summary>
public class KeyPaddingMaskTests
{
    private const string Inputs = "var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\")); var x = tokens.Embedding(20, 8); var flags = g.Input(\"flags\", Dim.Of(\"T\")); var memory = g.Input(\"memory\", Dim.Of(\"S\"), 8);";

    [Theory]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyPaddingMask: tokens, paddingIdx: 0)); g.Output(\"f\", flags); g.Output(\"m\", memory);", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, causal: true, keyPaddingMask: flags)); g.Output(\"m\", memory);", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", Ops.MultiheadAttention(x, x, x.Tanh(), 4, keyPaddingMask: tokens, paddingIdx: 0)); g.Output(\"f\", flags); g.Output(\"m\", memory);", "[B, T, 8]")]
    public void A_key_padding_mask_keeps_the_querys_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

    [Fact]
    public void The_mask_is_pytorchs_key_padding_mask_in_both_languages()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.MultiheadAttention(2, keyPaddingMask: tokens, paddingIdx: 0, name: \"attention\")); g.Output(\"z\", x.MultiheadAttention(2, keyPaddingMask: flags, name: \"other\")); g.Output(\"m\", memory);", Inputs);
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Contains("tokens.eq(0L), false, null)", source);
        Assert.Contains("flags.ne(0), false, null)", source);
    }

    [Theory]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: memory, keyPaddingMask: flags)); g.Output(\"t\", tokens);", "flags", "'keyPaddingMask' must be [B, S], one flag (or token id) per key of [B, S, 8], but is [B, T]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyPaddingMask: x)); g.Output(\"f\", flags); g.Output(\"m\", memory);", "x", "'keyPaddingMask' must be [B, T], one flag (or token id) per key of [B, T, 8], but is [B, T, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyPaddingMask: flags, paddingIdx: 0)); g.Output(\"m\", memory);", "0", "'paddingIdx' compares token ids, but 'keyPaddingMask' is [B, T] float32")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, paddingIdx: 0)); g.Output(\"f\", flags); g.Output(\"m\", memory);", "0", "'paddingIdx' names the padding id among the key sequence's token ids, which 'keyPaddingMask:' gives")]
    public void A_wrong_mask_is_reported_at_its_argument(string body, string argument, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, Inputs).Diagnostics);
        Assert.Equal("DSL0007", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(argument, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Fact]
    public void Token_ids_as_the_query_are_still_a_missing_embedding() =>
        DefineBody.AssertSingle("g.Output(\"y\", Ops.MultiheadAttention(tokens, x, x, 2)); g.Output(\"f\", flags); g.Output(\"m\", memory);", "DSL0009", "expects float32 values but got [B, T] int64 (indices)", Inputs);
}
