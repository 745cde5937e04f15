using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>g.Input(name, dims) and g.Input(name, DType.Int64, dims): the declared shape with the batch first, symbolic sizes, int64 ids, one name per input, and the forward's read of it.</summary>
public class InputTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x);", "[B, T, 8]")]
    public void An_input_has_the_batch_first(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void An_int64_input_is_declared_and_checked_as_int64()
    {
        var run = DefineBody.Run("g.Output(\"y\", tokens.Embedding(100, 16)); g.Output(\"o\", x);", DefineBody.TokensAndSequence);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        string source = run.GeneratedSource("Net");
        Assert.Contains("tokens: [B, T] int64", source);
        Assert.Contains("global::TorchSharp.torch.ScalarType.Int64", source);
    }

    [Fact]
    public void DSL0302_duplicate_input_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var a = g.Input("x", 4);
                var b = g.Input([|"x"|], 4);
                g.Output("y", a + b);
            }
        }
        """,
        "DSL0302",
        "Input 'x' is declared twice; give every input its own name");

    [Fact]
    public void The_forward_reads_the_input_from_its_record() =>
        DefineBody.AssertEmits("g.Output(\"y\", x * 2);", "var x = inputs.X; // [B, 10]", "var x = g.Input(\"x\", 10);");
}
