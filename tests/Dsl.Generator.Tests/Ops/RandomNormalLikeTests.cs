using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>RandomNormalLike(): noise of the input's shape, drawn by torch.randn_like at every call.</summary>
public class RandomNormalLikeTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x + x.RandomNormalLike());", "[B, T, 8]")]
    public void The_noise_has_the_inputs_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void The_noise_is_randn_like() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.RandomNormalLike());", "var noise_1 = global::TorchSharp.torch.randn_like(x); // [B, T, 8]");
}
