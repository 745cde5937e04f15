using System.Globalization;
using Dsl.Generator.Tests.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Select(dim, index) and LastStep(): the axis dropped, indexes checked against fixed and symbolic sizes, one direction of a bidirectional layer warned about (DSL0904), and the TorchSharp call.</summary>
public class SelectTests
{
    private const string Inputs = DefineBody.TokensAndSequence;

    [Theory]
    [InlineData("g.Output(\"y\", x.Select(1, 0));", "[B, 8]")]
    [InlineData("g.Output(\"y\", x.Select(-1, 3));", "[B, T]")]
    public void Select_drops_the_axis(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Select(2, 8)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "index 8 is outside dim 2 of [B, T, 8]; use 0 to 7 or -8 to -1")]
    [InlineData("g.Output(\"y\", x.Select(1, -2)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "index -2 needs dim 1 of [B, T, 8] to have at least 2 positions, which its symbolic size does not promise; use 0 or -1")]
    [InlineData("g.Output(\"y\", x.Select(0, 0)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "dim 0 is out of range for [B, T, 8]; use 1 to 2 or -2 to -1 (dim 0 is the batch)")]
    public void Indexes_outside_the_axis_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, Inputs);

    [Theory]
    [InlineData("g.Output(\"y\", x.Lstm(8, bidirectional: true).LastStep());", "Select 'select_1' takes step T-1 of bidirectional Lstm 'lstm_1' [B, T, 16]", "seq.Slice(2, 0, 8).LastStep(), seq.Slice(2, 8).Select(1, 0)) gives [B, 16]")]
    [InlineData("g.Output(\"y\", x.Gru(5, numLayers: 2, bidirectional: true).Select(1, 0));", "Select 'select_1' takes step 0 of bidirectional Gru 'gru_1' [B, T, 10]", "steps 0 to 0")]
    public void One_step_of_a_bidirectional_layer_is_a_warning(string body, string message, string hint)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body + " g.Output(\"t\", tokens.Embedding(2, 2));", Inputs).Diagnostics);
        Assert.Equal(("DSL0904", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(message + ": there its forward half", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains(hint, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("g.Output(\"y\", x.Lstm(8).LastStep());")]                                       // one direction: the last step has read it all
    [InlineData("g.Output(\"y\", x.Lstm(8, bidirectional: true).Mean(1));")]                     // pooled over the steps
    [InlineData("g.Output(\"y\", x.Lstm(8, bidirectional: true).Select(2, 0));")]                // a feature, not a step
    public void Reading_a_bidirectional_layer_whole_is_not_a_warning(string body)
    {
        var run = DefineBody.Run(body + " g.Output(\"t\", tokens.Embedding(2, 2));", Inputs);
        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
    }

    [Fact]
    public void A_step_is_a_tensor_select() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Select(1, 0));", "var select_1 = x.select(1, 0); // [B, 8]");
}
