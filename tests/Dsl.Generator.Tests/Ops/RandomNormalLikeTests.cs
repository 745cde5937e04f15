using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>RandomNormalLike(): noise of the input's shape, drawn by torch.randn_like at every call.</summary>
public class RandomNormalLikeTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x + x.RandomNormalLike());", "[B, T, 8]")]
    public void The_noise_has_the_inputs_shape(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void Noise_like_token_ids_is_reported_with_the_fix() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", tokens.[|RandomNormalLike()|]); g.Output(\"o\", x);",
        "DSL0009",
        "RandomNormalLike 'noise_1' expects float32 values but got [B, T] int64 (indices); embed the indices first",
        DefineBody.TokensAndSequence);

    [Fact]
    public void The_noise_is_randn_like() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.RandomNormalLike());", "var noise_1 = global::TorchSharp.torch.randn_like(x); // [B, T, 8]");
}
