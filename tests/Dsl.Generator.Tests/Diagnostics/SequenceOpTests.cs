using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Sequence models at compile time: int64 token inputs, Embedding, the recurrent layers and LastStep / Select, and
/// Linear over the last dim of a sequence; every mistake is reported with both shapes and the fix.
/// </summary>
public class SequenceOpTests
{
    private const string Inputs = DefineBody.TokensAndSequence;

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Embedding(100, 16)); g.Output(\"o\", x);", "[B, T, 16]")]
    [InlineData("g.Output(\"y\", g.Input(\"ids\", DType.Int64, 3, 5).Embedding(10, 4, paddingIdx: -1)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, 3, 5, 4]")]
    [InlineData("g.Output(\"y\", x.Lstm(32)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T, 32]")]
    [InlineData("g.Output(\"y\", x.Lstm(32, numLayers: 2, bidirectional: true)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T, 64]")]
    [InlineData("g.Output(\"y\", x.Lstm(32, numLayers: 2).LastStep()); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, 32]")]
    [InlineData("var s = x.Gru(5, bidirectional: true); g.Output(\"y\", Ops.Concat(1, s.Slice(2, 0, 5).LastStep(), s.Slice(2, 5).Select(1, 0))); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, 10]")]
    [InlineData("g.Output(\"y\", x.Rnn(7, nonlinearity: \"relu\").Select(-1, 3)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T]")]
    [InlineData("g.Output(\"y\", x.Linear(4)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T, 4]")]
    [InlineData("g.Output(\"y\", tokens.Embedding(50, 8).Linear(3).Relu().Linear(2)); g.Output(\"o\", x);", "[B, T, 2]")]
    public void Sequence_ops_infer_PyTorch_shapes(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

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
    public void An_int64_input_is_declared_and_checked_as_int64()
    {
        var run = DefineBody.Run("g.Output(\"y\", tokens.Embedding(100, 16)); g.Output(\"o\", x);", Inputs);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Contains("tokens: [B, T] int64", source);
        Assert.Contains("global::TorchSharp.torch.ScalarType.Int64", source);
    }

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Linear(4)); g.Output(\"o\", x);", "DSL0009", "Linear 'linear_1' expects float32 values but got [B, T] int64 (indices); embed the indices first with .Embedding(numEmbeddings, embeddingDim), or declare the input as float32 if it holds values")]
    [InlineData("g.Output(\"y\", tokens.Relu()); g.Output(\"o\", x);", "DSL0009", "Relu 'relu_1' expects float32 values but got [B, T] int64 (indices)")]
    [InlineData("g.Output(\"y\", x.Embedding(10, 4)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0009", "Embedding 'embedding_1' expects int64 indices (token ids) but got [B, T, 8] float32; declare the ids with g.Input(name, DType.Int64, ...)")]
    [InlineData("g.Output(\"y\", tokens); g.Output(\"o\", x); g.Minimize(\"m\", tokens);", "DSL0009", "Loss 'm' expects a float32 prediction but got 'y' [B, T] int64 (indices)")]
    [InlineData("var e = tokens.Embedding(10, 1).Flatten(); g.Output(\"y\", e); g.Output(\"o\", x); g.Loss(\"r\", e, Loss.Mse(target: tokens));", "DSL0201", "has shape [B, T] int64 but prediction 'y' has shape [B, T] float32")]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 4, paddingIdx: 10)); g.Output(\"o\", x);", "DSL0007", "paddingIdx must index the table, from -10 to 9, but is 10")]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 4).Flatten().Lstm(8)); g.Output(\"o\", x);", "DSL0002", "Lstm 'lstm_1' expects a batch-first sequence [B, T, F] but got [B, 4*T]; a [B, F] input has no time axis")]
    [InlineData("g.Output(\"y\", g.Input(\"s\", 5, Dim.Of(\"F\")).Gru(8)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0006", "Gru 'gru_1'")]
    [InlineData("g.Output(\"y\", x.Rnn(4, nonlinearity: \"sigmoid\")); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "'nonlinearity' must be \"tanh\" or \"relu\" but is \"sigmoid\"")]
    [InlineData("g.Output(\"y\", x.Select(2, 8)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "index 8 is outside dim 2 of [B, T, 8]; use 0 to 7 or -8 to -1")]
    [InlineData("g.Output(\"y\", x.Select(1, -2)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "index -2 needs dim 1 of [B, T, 8] to have at least 2 positions, which its symbolic size does not promise; use 0 or -1")]
    [InlineData("g.Output(\"y\", x.Select(0, 0)); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0007", "dim 0 is out of range for [B, T, 8]; use 1 to 2 or -2 to -1 (dim 0 is the batch)")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 8, 8).MaxPool2d(2).Linear(4)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0002", "Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 3, 4, 4]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1) to apply it at every position")]
    public void Sequence_mistakes_are_errors_with_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, Inputs);
}
