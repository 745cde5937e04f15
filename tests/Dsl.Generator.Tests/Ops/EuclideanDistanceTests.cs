using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Ops.EuclideanDistance(a, b): one distance per sample, flat operands, and the TorchSharp expression.</summary>
public class EuclideanDistanceTests
{
    [Theory]
    [InlineData("g.Output(\"y\", Ops.EuclideanDistance(x, x * 2));", "[B, 1]")]
    public void The_distance_is_one_column(string body, string shape) => DefineBody.AssertOutputShape(body, shape, "var x = g.Input(\"x\", 10);");

    [Fact]
    public void Euclidean_distance_of_images_asks_for_a_flatten() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", Ops.[|EuclideanDistance(a, c)|]);",
        "DSL0002",
        "EuclideanDistance 'euclidean_distance_1' expects two 2-D inputs [B, F] but got [B, 1, 28, 28]; add .Flatten() before it",
        "var a = g.Input(\"a\", 1, 28, 28); var c = g.Input(\"c\", 1, 28, 28);");

    [Fact]
    public void The_distance_is_the_clamped_root_of_the_squared_sum() =>
        DefineBody.AssertEmits("g.Output(\"y\", Ops.EuclideanDistance(x, x * 2));", "(x - scalar_1).square().sum(1, keepdim: true).clamp_min(1e-12).sqrt(); // [B, 1]", "var x = g.Input(\"x\", 10);");
}
