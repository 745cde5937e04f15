using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Clamp(min, max): the shape kept, bounds that exclude every value, and the TorchSharp call.</summary>
public class ClampTests
{
    [Theory]
    [InlineData("g.Output(\"y\", (x / 2).Clamp(max: 1).Clamp(min: -1, max: 0.5));", "[B, T, 8]")]
    public void Clamp_keeps_the_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Clamp(1, 0));", "DSL0007", "max 0 is below min 1")]
    [InlineData("g.Output(\"y\", x.Clamp());", "DSL0007", "give min, max or both")]
    public void Missing_or_crossed_bounds_are_reported(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void The_bounds_go_to_a_tensor_clamp() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Clamp(min: -1, max: 0.5));", "var clamp_1 = x.clamp(-1.0, 0.5); // [B, T, 8]");
}
