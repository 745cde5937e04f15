using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Ops.Concat(dim, ...): the sizes along dim added up, every other axis agreeing, never the batch, and the TorchSharp call.</summary>
public class ConcatTests
{
    [Fact]
    public void Concat_of_mismatched_operands_names_the_operand() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", Ops.[|Concat(1, x, c, d)|]);",
        "DSL0005",
        "Concat along dim 1: operand 3 has shape [B, 16, 4, 4] but the first has [B, 16, 8, 8]; all dims except 1 must agree",
        "var x = g.Input(\"a\", 16, 8, 8); var c = g.Input(\"c\", 16, 8, 8); var d = g.Input(\"d\", 16, 4, 4);");

    [Fact]
    public void Concat_adds_up_the_concatenated_dim()
    {
        var run = DefineBody.Run("g.Output(\"y\", Ops.Concat(1, a, c)); g.Output(\"z\", Ops.Concat(3, a, a));", "var a = g.Input(\"a\", 16, 8, 8); var c = g.Input(\"c\", 32, 8, 8);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("y: [B, 48, 8, 8] float32", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
        Assert.Contains("z: [B, 16, 8, 16] float32", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
    }

    [Fact]
    public void Concat_along_the_batch_is_reported_at_dim() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", Ops.Concat([|0|], x, x));",
        "DSL0007",
        "(concatenating along the batch, dim 0, is not supported)",
        "var x = g.Input(\"x\", 10);");

    [Fact]
    public void The_operands_go_to_torch_cat() =>
        DefineBody.AssertEmits("g.Output(\"y\", Ops.Concat(1, x, x));", "var concat_1 = global::TorchSharp.torch.cat(new[] { x, x }, 1); // [B, 6, 8, 8]", "var x = g.Input(\"x\", 3, 8, 8);");
}
