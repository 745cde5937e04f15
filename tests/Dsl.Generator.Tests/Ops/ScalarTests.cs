using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>A node and a number (x * 2, 1 / x, -x): the shape kept, a division by the constant 0, and the TorchSharp operator.</summary>
public class ScalarTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x * 2);", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", 1 / (x + 1) - 0.5);", "[B, T, 8]")]
    public void A_number_keeps_the_nodes_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x / 0);", "DSL0110", "divides by the constant 0")]
    public void Dividing_by_the_constant_0_is_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void A_product_with_a_number_is_the_tensor_operator() =>
        DefineBody.AssertEmits("g.Output(\"y\", x * 2);", "var scalar_1 = x * 2.0; // [B, T, 8]");
}
