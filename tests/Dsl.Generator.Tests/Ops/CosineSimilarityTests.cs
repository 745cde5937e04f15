using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Ops.CosineSimilarity(a, b): one value per sample, operands of one feature size, and the TorchSharp call.</summary>
public class CosineSimilarityTests
{
    [Theory]
    [InlineData("g.Output(\"y\", Ops.CosineSimilarity(x, x * 2));", "[B, 1]")]
    public void The_similarity_is_one_column(string body, string shape) => DefineBody.AssertOutputShape(body, shape, "var x = g.Input(\"x\", 10);");

    [Fact]
    public void Cosine_similarity_of_different_feature_sizes_is_reported() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", Ops.[|CosineSimilarity(a, c)|]);",
        "DSL0001",
        "'CosineSimilarity' cannot combine [B, 64] and [B, 32]; give both the same number of features",
        "var a = g.Input(\"a\", 64); var c = g.Input(\"c\", 32);");

    [Fact]
    public void The_similarity_is_torchs_over_the_features() =>
        DefineBody.AssertEmits("g.Output(\"y\", Ops.CosineSimilarity(x, x * 2));", "cosine_similarity(x, scalar_1, 1).unsqueeze(1); // [B, 1]", "var x = g.Input(\"x\", 10);");
}
