using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Every tensor op of the DSL on a sequence of symbolic length T, each as an output.</summary>
[Model]
[PyTorchParity]
public partial class TensorOps
{
    static void Define(Graph g)
    {
        var a = g.Input("a", Dim.Of("T"), 6);
        var b = g.Input("b", 6, 4);
        var w = g.Input("w", Dim.Of("T"), 1);
        g.Output("matmul", Ops.MatMul(a, b));
        g.Output("scores", Ops.MatMul(a, a.Transpose(-2, -1)));
        g.Output("permuted", a.Permute(0, 2, 1));
        g.Output("mean", a.Mean(1));
        g.Output("sum", a.Sum(new[] { 1, 2 }, keepDim: true));
        g.Output("max", a.Max(-1));
        g.Output("slice", a.Slice(1, 1, -1));
        var parts = a.Split(new[] { 2, 4 }, -1);
        g.Output("first", parts[0]);
        g.Output("second", parts[1]);
        var halves = b.Chunk(2, 1);
        g.Output("stacked", Ops.Stack(1, halves[0], halves[1]));
        g.Output("ratio", a / (w.Abs() + 1));
        g.Output("scaled", 1 / (a.Pow(2) + 1) * (a / 2).Clamp(-0.5, 0.5));
    }
}

/// <summary>The generated tensor ops compute what the same TorchSharp calls compute, with the shapes the compiler stated.</summary>
public sealed class TensorOpsTests
{
    [Fact]
    public void Each_op_matches_torch_on_a_sequence_of_the_run_time_length()
    {
        torch.manual_seed(8);
        using var model = new TensorOps();
        using var a = torch.randn(2, 5, 6);
        using var b = torch.randn(2, 6, 4);
        using var w = torch.randn(2, 5, 1);

        using var y = model.Forward(a, b, w);

        AssertSame(a.matmul(b), y.Matmul);
        AssertSame(a.matmul(a.transpose(1, 2)), y.Scores);
        AssertSame(a.permute(0, 2, 1), y.Permuted);
        AssertSame(a.mean(new long[] { 1 }), y.Mean);
        AssertSame(a.sum(new long[] { 1, 2 }, true), y.Sum);
        AssertSame(a.max(2).values, y.Max);
        AssertSame(a[.., 1..4, ..], y.Slice);
        AssertSame(a[.., .., ..2], y.First);
        AssertSame(a[.., .., 2..], y.Second);
        AssertSame(torch.stack(new[] { b[.., ..3, ..], b[.., 3.., ..] }, 1), y.Stacked);
        AssertSame(a / (w.abs() + 1), y.Ratio);
        AssertSame(1 / (a.pow(2) + 1) * (a / 2).clamp(-0.5, 0.5), y.Scaled);
    }

    private static void AssertSame(torch.Tensor expected, torch.Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(expected.allclose(actual, rtol: 1e-5, atol: 1e-6), $"differs by up to {(expected - actual).abs().max().item<float>()}");
    }
}
