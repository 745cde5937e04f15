using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Reshape(sizes) after the batch: element counts checked, sizes of at least 1 (or -1), and the TorchSharp call.</summary>
public class ReshapeTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Reshape(2, 5));", "[B, 2, 5]")]
    [InlineData("g.Output(\"y\", x.Reshape(-1, 2));", "[B, 5, 2]")]
    public void Reshape_gives_the_sizes_after_the_batch(string body, string shape) => DefineBody.AssertOutputShape(body, shape, "var x = g.Input(\"x\", 10);");

    [Fact]
    public void Reshape_to_a_different_element_count_shows_both_products() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|Reshape(32, 4, 4)|]);",
        "DSL0004",
        "Reshape to [B, 32, 4, 4] holds 512 elements per sample but the input [B, 256] holds 256; choose sizes whose product is 256",
        "var x = g.Input(\"x\", 256);");

    [Fact]
    public void Reshape_to_a_non_positive_size_is_reported_at_the_call() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|Reshape(-2, 4)|]);", // -1 is the inferred size; -2 is nothing
        "DSL0007",
        "every size must be at least 1",
        "var x = g.Input(\"x\", 16);");

    [Fact]
    public void The_batch_stays_the_first_size() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Reshape(2, 5));", "var reshape_1 = x.reshape(x.shape[0], 2, 5); // [B, 2, 5]", "var x = g.Input(\"x\", 10);");
}
