namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// Tensor and attention ops at compile time: the shapes PyTorch gives (symbolic T carried through), negative axes,
/// NumPy broadcasting of element-wise ops, the channels-first tag, and one diagnostic with both shapes per mistake.
/// </summary>
public class TensorOpTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x.Transpose(-1, -2));", "[B, 8, T]")]
    [InlineData("g.Output(\"y\", x.Permute(0, 2, 1));", "[B, 8, T]")]
    [InlineData("g.Output(\"y\", x.Mean(1));", "[B, 8]")]
    [InlineData("g.Output(\"y\", x.Sum(new[] { 1, -1 }, keepDim: true));", "[B, 1, 1]")]
    [InlineData("g.Output(\"y\", x.Max(-1, keepDim: true));", "[B, T, 1]")]
    [InlineData("g.Output(\"y\", x.Slice(1, 1));", "[B, T - 1, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(1, 2, -1));", "[B, T - 3, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(1, -3));", "[B, 3, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(-1, 2, 6));", "[B, T, 4]")]
    [InlineData("var p = x.Split(new[] { 3, 5 }, -1); g.Output(\"y\", p[1]); g.Output(\"z\", p[0]);", "[B, T, 5]")]
    [InlineData("var p = x.Chunk(4, 2); g.Output(\"y\", p[3]); g.Output(\"z\", Ops.Concat(-1, p[0], p[1], p[2]));", "[B, T, 2]")]
    [InlineData("g.Output(\"y\", Ops.Stack(1, x, x * 2));", "[B, 2, T, 8]")]
    [InlineData("g.Output(\"y\", Ops.Stack(-1, x, x));", "[B, T, 8, 2]")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, x.Transpose(1, 2)));", "[B, T, T]")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x.Transpose(1, 2), x));", "[B, 8, 8]")]
    [InlineData("g.Output(\"y\", x / x.Sum(-1, keepDim: true));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x * x.Mean(1, keepDim: true) - 1 / (x.Pow(2) + 1));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", (x / 2).Clamp(max: 1).Clamp(min: -1, max: 0.5));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x + x.RandomNormalLike());", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(4));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: g.Input(\"memory\", Dim.Of(\"S\"), 8), causal: true));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", Ops.MultiheadAttention(x, x.Slice(1, 1), x.Slice(1, 1).Relu(), 8, dropout: 0.1));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 4, 5).Conv2d(6, 1).Permute(0, 2, 3, 1).Linear(2)); g.Output(\"x\", x);", "[B, 4, 5, 2]")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 4, 5).Conv2d(6, 1) + g.Input(\"flat\", 120).Reshape(6, 4, 5)); g.Output(\"x\", x);", "[B, 6, 4, 5]")]
    [InlineData("g.Output(\"y\", g.Input(\"signal\", 3, 50).Linear(2)); g.Output(\"x\", x);", "[B, 3, 2]")]
    public void Tensor_ops_infer_PyTorch_shapes(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x + g.Input(\"z\", Dim.Of(\"T\"), 3));", "DSL0001", "'+' needs operands of the same shape but got [B, T, 8] and [B, T, 3]; each size must be equal on both sides or 1 on one of them (broadcast)")]
    [InlineData("g.Output(\"y\", x * x.Mean(1));", "DSL0001", "'*' needs operands of the same shape but got [B, T, 8] and [B, 8]; the ranks differ, and both have the batch first")]
    [InlineData("g.Output(\"y\", x / 0);", "DSL0110", "divides by the constant 0")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, x));", "DSL0001", "'MatMul' needs operands of the same shape but got [B, T, 8] and [B, T, 8]; the last size of the first (8) must equal the second-to-last of the second (T); transpose the second with .Transpose(-2, -1)")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, x.Mean(1)));", "DSL0002", "MatMul 'matmul_1' expects matrices [B, ..., n, k] and [B, ..., k, m] but got [B, 8]")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(3));", "DSL0007", "the embedding size 8 (the last size of [B, T, 8]) is not divisible by numHeads 3")]
    [InlineData("g.Output(\"y\", x.MultiheadAttention(2, keyValue: g.Input(\"m\", 5, 4)));", "DSL0001", "'MultiheadAttention' needs operands of the same shape but got [B, T, 8] and [B, 5, 4]; the key needs the query's 8 features; project it first with .Linear(8)")]
    [InlineData("g.Output(\"y\", x.Mean(1).MultiheadAttention(2));", "DSL0002", "expects batch-first sequences [B, T, E] but got [B, 8]; a [B, E] node is one vector per sample")]
    [InlineData("g.Output(\"y\", x.Transpose(0, 1));", "DSL0007", "dim0 0 is out of range for [B, T, 8]; use 1 to 2 or -2 to -1 (dim 0 is the batch)")]
    [InlineData("g.Output(\"y\", x.Permute(1, 0, 2));", "DSL0007", "the batch must stay first, but (1, 0, 2) moves it; start with 0")]
    [InlineData("g.Output(\"y\", x.Permute(0, 1, 1));", "DSL0007", "(0, 1, 1) is not an order of the 3 axes of [B, T, 8]; give each of (0, 1, 2) once")]
    [InlineData("g.Output(\"y\", x.Sum(new[] { 2, -1 }));", "DSL0007", "axis 2 of [B, T, 8] is named twice")]
    [InlineData("g.Output(\"y\", x.Max(3));", "DSL0007", "dim 3 is out of range for [B, T, 8]")]
    [InlineData("g.Output(\"y\", x.Slice(2, 5, 5));", "DSL0007", "the slice [5:5] of dim 2 of [B, T, 8] is empty; end must come after start")]
    [InlineData("g.Output(\"y\", x.Slice(2, 0, 9));", "DSL0007", "end 9 is outside dim 2 of [B, T, 8]; use -8 to 8")]
    [InlineData("g.Output(\"y\", x.Slice(1, -2, 3));", "DSL0006", "the slice [-2:3] runs from the back to a position from the front")]
    [InlineData("var p = x.Split(new[] { 3, 4 }, -1); g.Output(\"y\", p[0]); g.Output(\"z\", p[1]);", "DSL0007", "the sizes (3, 4) add up to 7 but dim 2 of [B, T, 8] is 8")]
    [InlineData("var p = x.Chunk(3, 2); g.Output(\"y\", p[0]); g.Output(\"z\", Ops.Concat(-1, p[1], p[2]));", "DSL0007", "3 chunks do not divide dim 2 of [B, T, 8] (8) evenly")]
    [InlineData("var p = x.Chunk(2, 1); g.Output(\"y\", p[0]); g.Output(\"z\", p[1]);", "DSL0006", "Chunk cuts dim 1 at fixed positions")]
    [InlineData("g.Output(\"y\", Ops.Stack(1, x, x.Mean(1)));", "DSL0001", "'Stack' needs operands of the same shape but got [B, T, 8] and [B, 8]; operand 2 differs from the first")]
    [InlineData("g.Output(\"y\", x.Clamp(1, 0));", "DSL0007", "max 0 is below min 1")]
    [InlineData("g.Output(\"y\", x.Clamp());", "DSL0007", "give min, max or both")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 8, 8).Conv2d(4, 3).Relu().Linear(2)); g.Output(\"x\", x);", "DSL0002", "Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 4, 6, 6]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1)")]
    public void Tensor_op_mistakes_are_errors_with_both_shapes_and_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);
}
