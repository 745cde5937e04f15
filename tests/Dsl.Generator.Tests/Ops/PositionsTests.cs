using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary><c>x.Positions(axis)</c>: int64 ids 0..n-1 [1, n] over a symbolic length, for learned position embeddings.</summary>
public class PositionsTests
{
    private const string Tokens = "var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\"));";

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 8) + tokens.Positions(1).Embedding(32, 8));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 8) + tokens.Positions().Embedding(32, 8));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", tokens.Embedding(10, 8) + tokens.Embedding(10, 8).Positions(-2).Embedding(32, 8));", "[B, T, 8]")]
    public void Positions_of_a_symbolic_length_feed_an_embedding_that_broadcasts(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Tokens);

    [Fact]
    public void Positions_are_int64_of_the_axis_length_read_at_run_time()
    {
        var run = DefineBody.Run("g.Output(\"y\", tokens.Embedding(10, 8)); g.Output(\"p\", tokens.Positions(1));", Tokens);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string module = run.GeneratedSource("Net");
        Assert.Contains("p: [1, T] int64", module);
        Assert.Contains("global::TorchSharp.torch.arange(tokens.size(1), dtype: global::TorchSharp.torch.int64, device: tokens.device).unsqueeze(0)", module);
        Assert.Contains("torch.arange(tokens.size(1), device=tokens.device).unsqueeze(0)", run.PyTorchSource("Net"));
    }

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Positions(0).Embedding(4, 2));", "DSL0007", "Positions 'positions_1': axis 0 is out of range for [B, T]; use 1 or -1 (dim 0 is the batch)")]
    [InlineData("g.Output(\"y\", tokens.Positions(2).Embedding(4, 2));", "DSL0007", "axis 2 is out of range")]
    [InlineData("g.Output(\"y\", tokens.Positions(1).Relu());", "DSL0009", "int64")]
    public void Positions_mistakes_are_errors(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, Tokens);
}
