namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Tensor and attention ops at compile time: the shapes PyTorch gives (symbolic T carried through), negative axes,
/// NumPy broadcasting of element-wise ops, the channels-first tag, and one diagnostic with both shapes per mistake.
/// </summary>
public class TensorOpTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x / x.Sum(-1, keepDim: true));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x * x.Mean(1, keepDim: true) - 1 / (x.Pow(2) + 1));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(4));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: g.Input(\"memory\", Dim.Of(\"S\"), 8)));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", Ops.MultiheadAttention(x, x.Slice(1, 1), x.Slice(1, 1).Relu(), 8, dropout: 0.1));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 4, 5).Conv2d(6, 1).Permute(0, 2, 3, 1).Linear(2)); g.Output(\"x\", x);", "[B, 4, 5, 2]")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 4, 5).Conv2d(6, 1) + g.Input(\"flat\", 120).Reshape(6, 4, 5)); g.Output(\"x\", x);", "[B, 6, 4, 5]")]
    public void Tensor_ops_infer_PyTorch_shapes(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(3));", "DSL0007", "the embedding size 8 (the last size of [B, T, 8]) is not divisible by numHeads 3")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: g.Input(\"m\", 5, 4)));", "DSL0001", "'MultiheadAttention' cannot combine [B, T, 8] and [B, 5, 4]; the key needs the query's 8 features; project it first with .Linear(8)")]
    [InlineData("g.Output(\"y\", x.Mean(1).MultiheadAttention(2));", "DSL0002", "expects batch-first sequences [B, T, E] but got [B, 8]; a [B, E] node is one vector per sample")]
    public void Tensor_op_mistakes_are_errors_with_both_shapes_and_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);
}
