using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary><c>Repeat</c>: PyTorch's repeat with the batch kept, on symbolic sizes too.</summary>
public class RepeatTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Repeat(1, 3));", "[B, T, 24]")]
    [InlineData("g.Output(\"y\", x.Repeat(2, 1));", "[B, 2*T, 8]")]
    [InlineData("g.Output(\"y\", x.Mean(1, keepDim: true).Repeat(5, 1));", "[B, 5, 8]")]
    public void Repeat_multiplies_each_size(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void Repeat_keeps_the_batch_in_both_exports()
    {
        var run = DefineBody.Run("g.Output(\"y\", x.Repeat(1, 3));");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains(".repeat(new long[] { 1, 1, 3 })", run.GeneratedSource("Net"));
        Assert.Contains("x.repeat(1, 1, 3)", run.PyTorchSource("Net"));
    }

    [Theory]
    [InlineData("g.Output(\"y\", x.Repeat(3));", "DSL0007", "Repeat 'repeat_1': give one count per axis after the batch of [B, T, 8] (2; 1 keeps an axis) but 1 is given")]
    [InlineData("g.Output(\"y\", x.Repeat(1, 0));", "DSL0007", "every count must be at least 1 but one is 0")]
    public void Repeat_mistakes_are_errors(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);
}
