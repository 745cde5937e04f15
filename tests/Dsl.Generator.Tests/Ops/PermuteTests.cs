using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Permute(dims): PyTorch's order of the axes, the batch first, each axis once, and the TorchSharp call.</summary>
public class PermuteTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Permute(0, 2, 1));", "[B, 8, T]")]
    public void Permute_reorders_the_axes_as_PyTorch(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Permute(1, 0, 2));", "DSL0007", "the batch must stay first, but (1, 0, 2) moves it; start with 0")]
    [InlineData("g.Output(\"y\", x.Permute(0, 1, 1));", "DSL0007", "(0, 1, 1) is not an order of the 3 axes of [B, T, 8]; give each of (0, 1, 2) once")]
    public void An_order_that_moves_the_batch_or_repeats_an_axis_is_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void The_order_is_a_tensor_permute() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Permute(0, 2, 1));", "var permute_1 = x.permute(0, 2, 1); // [B, 8, T]");
}
