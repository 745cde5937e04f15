using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary><c>Expand</c>: PyTorch's expand after the batch, and <c>batchOf:</c> giving a batch of one its batch.</summary>
public class ExpandTests
{
    [Theory]
    [InlineData("g.Output(\"y\", v.Expand(3, -1));", "[B, 3, 4]")]
    [InlineData("g.Output(\"y\", v.Expand(1, 4));", "[B, 1, 4]")]
    [InlineData("g.Output(\"y\", v.Expand(-1, -1));", "[B, 1, 4]")]
    [InlineData("g.Output(\"y\", g.Parameter(\"p\", 1, 4).Expand(batchOf: v));", "[B, 1, 4]")]
    [InlineData("g.Output(\"y\", g.Parameter(\"p\", 1, 4).Expand(v, 6, -1));", "[B, 6, 4]")]
    public void Expand_gives_pytorchs_shapes(string body, string shape) => DefineBody.AssertOutputShape(body, shape, "var v = g.Input(\"v\", 1, 4);");

    [Fact]
    public void Expand_reads_the_batch_and_the_sizes_it_needs_at_run_time()
    {
        var run = DefineBody.Run("g.Output(\"y\", g.Parameter(\"p\", 1, 4).Expand(v, 6, -1));", "var v = g.Input(\"v\", 1, 4);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("var expand_1 = p.expand(new long[] { v.size(0), 6, -1 });", run.GeneratedSource("Net"));
        Assert.Contains("p.expand(v.size(0), 6, -1)", run.PyTorchSource("Net"));
    }

    [Fact]
    public void Positions_given_the_batch_stay_int64()
    {
        var run = DefineBody.Run("g.Output(\"y\", tokens.Positions(1).Expand(batchOf: tokens)); g.Output(\"z\", tokens.Embedding(4, 2));", "var tokens = g.Input(\"tokens\", DType.Int64, Dim.Of(\"T\"));");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("y: [B, T] int64", run.GeneratedSource("Net"));
    }

    [Fact]
    public void A_size_that_cannot_expand_is_reported_at_the_call()
    {
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var v = g.Input("v", 1, 4);
                    g.Output("y", v.[|Expand(-1, 8)|]);
                }
            }
            """,
            "DSL0007",
            "Expand 'expand_1': dim 2 of [B, 1, 4] has size 4, which cannot expand to 8; only a size of 1 expands (-1 keeps the axis)");
    }

    [Theory]
    [InlineData("g.Output(\"y\", v.Expand(3));", "DSL0007", "Expand 'expand_1': give one size per axis after the batch of [B, 1, 4] (2; -1 keeps an axis) but 1 is given")]
    [InlineData("g.Output(\"y\", v.Expand(-1, 8));", "DSL0007", "Expand 'expand_1': dim 2 of [B, 1, 4] has size 4, which cannot expand to 8; only a size of 1 expands (-1 keeps the axis)")]
    [InlineData("g.Output(\"y\", v.Expand(0, -1));", "DSL0007", "size 0 for dim 1 is not a size; give at least 1, or -1 to keep the axis")]
    public void Expand_mistakes_are_errors(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, "var v = g.Input(\"v\", 1, 4);");
}
