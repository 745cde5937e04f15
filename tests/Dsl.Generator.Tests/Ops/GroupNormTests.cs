using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>GroupNorm(groups) and InstanceNorm2d: the shape kept, PyTorch's parameter counts, groups that divide the channels, and the TorchSharp module.</summary>
public class GroupNormTests
{
    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters (PyTorch's counts).
    [InlineData("32, 28, 28", "GroupNorm(4)", "\"[B, 32, 28, 28]\", 64, 0")]
    [InlineData("32, 28, 28", "InstanceNorm2d()", "\"[B, 32, 28, 28]\", 0, 0")]
    [InlineData("32, 28, 28", "InstanceNorm2d(affine: true)", "\"[B, 32, 28, 28]\", 64, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Fact]
    public void Groups_that_do_not_divide_the_channels_of_GroupNorm_are_reported_at_groups() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.GroupNorm([|5|]));",
        "DSL0007",
        "GroupNorm 'group_norm_1': groups 5 must divide the channels of [B, 32, 8, 8] (32); use a divisor of 32",
        "var x = g.Input(\"x\", 32, 8, 8);");

    [Fact]
    public void The_norm_is_a_registered_module() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.GroupNorm(3));", "var group_norm_1 = this.group_norm_1.forward(x); // [B, 3, 8, 8]", "var x = g.Input(\"x\", 3, 8, 8);");
}
