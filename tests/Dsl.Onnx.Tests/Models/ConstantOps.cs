using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Constants (Eye, Zeros, Ones, Full), Expand and Repeat, as PyTorch writes them: a T-Net-style matrix plus the
/// identity, a [B, 1, 4] row expanded and tiled, and a learned bias given the batch with Expand(batchOf:).
/// </summary>
[Model]
public partial class ConstantOps
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 9);
        var v = g.Input("v", 1, 4);
        var matrix = x.Reshape(3, 3) + Ops.Eye(3);                                        // [B, 3, 3]
        var rows = v.Expand(3, -1) * Ops.Ones(3, 4) - Ops.Zeros(1, 4);                    // [B, 3, 4]
        var tiled = v.Repeat(2, 2);                                                       // [B, 2, 8]
        var bias = g.Parameter("bias", 1, 4, init: ParameterInit.Normal).Expand(batchOf: v); // [B, 1, 4]
        g.Output("matrix", Ops.MatMul(matrix, rows));                                      // [B, 3, 4]
        g.Output("tiled", tiled + Ops.Full(-1.5, 2, 8));
        g.Output("joined", Ops.Concat(1, bias, v).Repeat(1, 2));                            // [B, 2, 8]
    }
}
