using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// The tensor ops and the newer forms of the element-wise ones: permute / transpose, mean / sum / max reductions,
/// select and last step, slice, split and chunk, stack, matmul, clamp with one and two bounds, pow, a / b with
/// broadcasting, scalar division, and Linear over the last axis of [B, T, F] (MatMul + Add).
/// </summary>
[Model]
public partial class TensorOps
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 4, 6);                                         // [B, 4, 6]
        var t = x.Transpose(1, 2);                                          // [B, 6, 4]
        var p = x.Permute(0, 2, 1).Linear(5);                               // [B, 6, 5]
        var m = Ops.MatMul(x, t);                                           // [B, 4, 4]
        var parts = x.Split(new[] { 2, 4 }, dim: 2);                        // [B, 4, 2], [B, 4, 4]
        var chunks = x.Chunk(2, dim: 1);                                    // [B, 2, 6] x 2
        var stacked = Ops.Stack(1, chunks[0], chunks[1]);                   // [B, 2, 2, 6]
        var ratio = m / (parts[1].Abs() + 1.0);                             // [B, 4, 4]
        var broadcast = x / x.Mean(2, keepDim: true).Clamp(min: 0.1);       // [B, 4, 6]
        var a = Ops.Concat(1,
            ratio.Sum(new[] { 1, 2 }, keepDim: true).Flatten(),
            p.Max(1),
            stacked.Mean(new[] { 1, 2 }),
            parts[0].Pow(2).Flatten(),
            broadcast.Select(1, 2) / 3.0,
            t.LastStep().Clamp(-0.5, 0.5),
            x.Slice(2, 1, -2).Clamp(max: 0.3).Flatten(),
            x.Sum(2, keepDim: true).Flatten());
        g.Output("y", a);
    }
}
