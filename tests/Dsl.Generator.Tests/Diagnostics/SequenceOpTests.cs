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
    [InlineData("var s = x.Gru(5, bidirectional: true); g.Output(\"y\", Ops.Concat(1, s.Slice(2, 0, 5).LastStep(), s.Slice(2, 5).Select(1, 0))); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, 10]")]
    [InlineData("g.Output(\"y\", tokens.Embedding(50, 8).Linear(3).Relu().Linear(2)); g.Output(\"o\", x);", "[B, T, 2]")]
    public void Sequence_ops_infer_PyTorch_shapes(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Inputs);

    [Theory]
    [InlineData("g.Output(\"y\", tokens); g.Output(\"o\", x); g.Minimize(\"m\", tokens);", "DSL0009", "Loss 'm' expects a float32 prediction but got 'y' [B, T] int64 (indices)")]
    [InlineData("var e = tokens.Embedding(10, 1).Flatten(); g.Output(\"y\", e); g.Output(\"o\", x); g.Loss(\"r\", e, Loss.Mse(target: tokens));", "DSL0201", "has shape [B, T] int64 but prediction 'y' has shape [B, T] float32")]
    public void Sequence_mistakes_are_errors_with_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, Inputs);
}
