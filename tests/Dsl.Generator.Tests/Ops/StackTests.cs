using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Ops.Stack(dim, ...): a new axis of the operand count, operands of one shape, and the TorchSharp call.</summary>
public class StackTests
{
    [Theory]
    [InlineData("g.Output(\"y\", Ops.Stack(1, x, x * 2));", "[B, 2, T, 8]")]
    [InlineData("g.Output(\"y\", Ops.Stack(-1, x, x));", "[B, T, 8, 2]")]
    public void Stack_inserts_an_axis_as_PyTorch(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", Ops.Stack(1, x, x.Mean(1)));", "DSL0001", "'Stack' cannot combine [B, T, 8] and [B, 8]; operand 2 differs from the first")]
    public void Operands_of_different_shapes_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void The_operands_go_to_torch_stack() =>
        DefineBody.AssertEmits("g.Output(\"y\", Ops.Stack(1, x, x));", "var stack_1 = global::TorchSharp.torch.stack(new[] { x, x }, 1); // [B, 2, T, 8]");
}
