using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Transpose(dim0, dim1): PyTorch's shape with negative axes, the batch kept in place, and the TorchSharp call.</summary>
public class TransposeTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Transpose(-1, -2));", "[B, 8, T]")]
    public void Transpose_swaps_two_axes_as_PyTorch(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Transpose(0, 1));", "DSL0007", "dim0 0 is out of range for [B, T, 8]; use 1 to 2 or -2 to -1 (dim 0 is the batch)")]
    public void Moving_the_batch_is_reported_with_the_axes_to_use(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void The_swap_is_a_tensor_transpose() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Transpose(1, 2));", "var transpose_1 = x.transpose(1, 2); // [B, 8, T]");
}
