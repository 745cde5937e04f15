using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary><c>Ops.Concat(dim, broadcast: true, ...)</c>: sizes of 1 on the other axes, the batch of one included, expand first.</summary>
public class ConcatBroadcastTests
{
    [Theory]
    [InlineData("g.Output(\"y\", Ops.Concat(1, broadcast: true, g.Parameter(\"cls\", 1, 8), x));", "[B, T + 1, 8]")]
    [InlineData("g.Output(\"y\", Ops.Concat(-1, broadcast: true, x, x.Mean(1, keepDim: true)));", "[B, T, 16]")]
    [InlineData("g.Output(\"y\", Ops.Concat(2, true, x, Ops.Ones(1, 3)));", "[B, T, 11]")]
    [InlineData("g.Output(\"y\", Ops.Concat(1, broadcast: false, x, x));", "[B, 2*T, 8]")]
    public void A_broadcasting_concat_expands_sizes_of_one(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void The_expand_reads_the_symbolic_size_at_run_time()
    {
        var run = DefineBody.Run("g.Output(\"y\", Ops.Concat(-1, broadcast: true, x, Ops.Ones(1, 3)));");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("ones_1.expand(new long[] { x.size(0), x.size(1), -1 })", run.GeneratedSource("Net"));
        Assert.Contains("torch.cat([x, ones_1.expand(x.size(0), x.size(1), -1)], -1)", run.PyTorchSource("Net"));
    }

    [Theory]
    [InlineData("g.Output(\"y\", Ops.Concat(1, broadcast: true, x, g.Input(\"z\", 2, 4)));", "DSL0007", "Concat 'concat_1': with broadcast: true every size except along dim 1 must be equal or 1, but dim 2 is 8 in operand 1 [B, T, 8] and 4 in operand 2 [B, 2, 4]")]
    [InlineData("g.Output(\"y\", Ops.Concat(1, broadcast: true, x, x.Mean(1)));", "DSL0005", "operand 2 has shape [B, 8]")]
    public void Broadcasting_concat_mistakes_are_errors(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);
}
