using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>The element-wise operators between two nodes (+, -, *, /): NumPy broadcasting, each mismatch with both shapes and the fix that fits it, and the TorchSharp operator.</summary>
public class BinaryTests
{
    [Fact]
    public void Adding_different_channels_suggests_a_1x1_projection() => DefineBody.AssertSingleAt(
        "var y = x.Conv2d(128, 3, padding: Padding.Same); g.Output(\"y\", [|x + y|]);",
        "DSL0001",
        "'+' cannot combine [B, 64, 16, 16] and [B, 128, 16, 16]; project the shortcut with a 1x1 Conv2d to 128 channels: .Conv2d(128, 1)",
        "var x = g.Input(\"x\", 64, 16, 16);");

    [Fact]
    public void Subtracting_different_spatial_sizes_suggests_agreeing_strides() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", [|x - x.Conv2d(64, 3, stride: 2, padding: Padding.Same)|]);",
        "DSL0001",
        "'-' cannot combine [B, 64, 16, 16] and [B, 64, 8, 8]; make the strides agree, or downsample the shortcut with a strided 1x1 Conv2d (.Conv2d(64, 1, stride: 2))",
        "var x = g.Input(\"x\", 64, 16, 16);");

    [Fact]
    public void Multiplying_different_ranks_suggests_a_reshape() => DefineBody.AssertSingleAt(
        "g.Output(\"z\", [|x * y|]);",
        "DSL0001",
        "'*' cannot combine [B, 4, 2, 2] and [B, 16]; the ranks differ, and both have the batch first; reshape one operand so both have the same rank (a size of 1 broadcasts)",
        "var x = g.Input(\"x\", 4, 2, 2); var y = g.Input(\"y\", 16);");

    [Fact]
    public void A_column_broadcasts_against_features_on_either_side()
    {
        var run = DefineBody.Run("g.Output(\"a\", w * f); g.Output(\"b\", f * w);", "var w = g.Input(\"w\", 1); var f = g.Input(\"f\", 10);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("a: [B, 10] float32", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
        Assert.Contains("b: [B, 10] float32", DefineBody.WithoutRoles(run.GeneratedSource("Net")));
    }

    [Theory]
    [InlineData("g.Output(\"y\", x + g.Input(\"z\", Dim.Of(\"T\"), 3));", "DSL0001", "'+' cannot combine [B, T, 8] and [B, T, 3]; project one operand to the other's size, e.g. .Linear(3) on the left")]
    [InlineData("g.Output(\"y\", x * x.Mean(1));", "DSL0001", "'*' cannot combine [B, T, 8] and [B, 8]; the ranks differ, and both have the batch first")]
    public void Operands_that_do_not_broadcast_are_reported_with_both_shapes(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void A_sum_is_the_tensor_operator() =>
        DefineBody.AssertEmits("g.Output(\"y\", x + x);", "var add_1 = x + x; // [B, T, 8]");
}
