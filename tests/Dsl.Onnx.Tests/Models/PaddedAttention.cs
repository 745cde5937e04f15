using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Attention that ignores padding keys: self-attention over token embeddings whose padding id 0 marks the keys to
/// ignore (keyPaddingMask: tokens, paddingIdx: 0), then causal self-attention with a float mask computed in the graph
/// (nonzero: padding), then cross-attention to a memory with its own mask.
/// </summary>
[Model]
public partial class PaddedAttention
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var gaps = g.Input("gaps", Dim.Of("T"));
        var memory = g.Input("memory", 3, 8);
        var memoryIds = g.Input("memory_ids", DType.Int64, 3);
        var x = tokens.Embedding(10, 8, paddingIdx: 0);
        var h = x + x.MultiheadAttention(2, keyPaddingMask: tokens, paddingIdx: 0);
        h = h + h.MultiheadAttention(4, causal: true, keyPaddingMask: (gaps - 0.7).Relu());
        h = h + Ops.MultiheadAttention(h, memory, memory.Tanh(), 2, keyPaddingMask: memoryIds, paddingIdx: 9);
        g.Output("y", h);
    }
}
