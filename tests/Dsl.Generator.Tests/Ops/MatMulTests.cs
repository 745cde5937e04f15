using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Ops.MatMul: batched matrix products, operands that do not chain (with the transpose that fixes them), and the TorchSharp call.</summary>
public class MatMulTests
{
    [Theory]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, x.Transpose(1, 2)));", "[B, T, T]")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x.Transpose(1, 2), x));", "[B, 8, 8]")]
    public void MatMul_multiplies_the_last_two_axes(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, x));", "DSL0001", "'MatMul' cannot combine [B, T, 8] and [B, T, 8]; the last size of the first (8) must equal the second-to-last of the second (T); both end in 8, so the second holds rows: multiply by its transpose, Ops.MatMul(first, second.Transpose(-2, -1)), which gives [B, T, T]")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, x.Mean(1)));", "DSL0002", "MatMul 'matmul_1' expects matrices [B, ..., n, k] and [B, ..., k, m] but got [B, 8]")]
    public void Operands_that_do_not_chain_are_reported_with_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Fact]
    public void The_product_is_torch_matmul() =>
        DefineBody.AssertEmits("g.Output(\"y\", Ops.MatMul(x, x.Transpose(1, 2)));", "var matmul_1 = global::TorchSharp.torch.matmul(x, transpose_1); // [B, T, T]");
}
