using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Softmax(dim): the shape kept, dim checked against the batch and the rank, and the TorchSharp call.</summary>
public class SoftmaxTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Softmax(1));", "[B, 10]")]
    [InlineData("g.Output(\"y\", x.Softmax(-1));", "[B, 10]")]
    public void Softmax_keeps_the_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape, "var x = g.Input(\"x\", 10);");

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Softmax_along_the_batch_or_beyond_the_rank_is_reported_at_dim(int dim) => DefineBody.AssertSingleAt(
        $"g.Output(\"y\", x.Softmax([|{dim}|]));",
        "DSL0007",
        "is out of range for [B, 10]; use 1",
        "var x = g.Input(\"x\", 10);");

    [Fact]
    public void The_softmax_is_torchs_functional_one() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Softmax(1));", "var softmax_1 = global::TorchSharp.torch.nn.functional.softmax(x, 1); // [B, 10]", "var x = g.Input(\"x\", 10);");
}
