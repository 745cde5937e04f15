using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Learned tensors and positions over a symbolic length: token embeddings plus an Embedding of the positions
/// 0..T-1 (a batch of one, broadcast), a learned [CLS] token prepended by a broadcasting Concat, a learned gain and
/// a constant shift; ONNX reads T from the input at run time (Shape, Range).
/// </summary>
[Model]
public partial class LearnedTensors
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var x = tokens.Embedding(10, 8, name: "tokens_embed") + tokens.Positions(1).Embedding(16, 8, name: "positions");  // [B, T, 8]
        var cls = g.Parameter("cls_token", 1, 8, init: ParameterInit.Normal);                                           // [1, 1, 8]
        var sequence = Ops.Concat(1, broadcast: true, cls, x);                                                          // [B, T + 1, 8]
        var gain = g.Parameter("gain", 1, 8, init: ParameterInit.Normal, std: 0.5);                                     // [1, 1, 8]
        g.Output("y", sequence * gain + Ops.Full(0.25, 1, 8));
    }
}
