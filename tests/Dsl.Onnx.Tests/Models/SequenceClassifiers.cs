using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Embedding + a two-layer bidirectional LSTM over int64 token ids of a symbolic length, classified from each direction
/// where it ends (the forward half's last step, the backward half's first).
/// </summary>
[Model]
public partial class LstmClassifier
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var steps = tokens.Embedding(10, 8, paddingIdx: 0).Lstm(6, numLayers: 2, bidirectional: true);
        g.Output("logits", Ops.Concat(1, steps.Slice(2, 0, 6).LastStep(), steps.Slice(2, 6).Select(1, 0)).Linear(3));
    }
}

/// <summary>Embedding + a bidirectional GRU, then a two-layer tanh RNN and a bidirectional relu RNN stacked on it, every step's features averaged.</summary>
[Model]
public partial class GruClassifier
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        g.Output("logits", tokens.Embedding(10, 8).Gru(5, bidirectional: true).Rnn(4, numLayers: 2).Rnn(3, bidirectional: true, nonlinearity: "relu").Mean(1).Linear(2));
    }
}

/// <summary>
/// A pre-norm transformer block: causal self-attention over a symbolic length T, cross-attention to a memory of another length (key = value),
/// attention with distinct key and value nodes, and a position-wise feed-forward, each with a residual.
/// </summary>
[Model]
public partial class TransformerBlock
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 8);
        var memory = g.Input("memory", 3, 8);
        var h = x + x.LayerNorm().MultiheadAttention(2, causal: true);
        h = h + h.MultiheadAttention(4, keyValue: memory);
        h = h + Ops.MultiheadAttention(h, memory, memory.Tanh(), numHeads: 2);
        h = h + h.LayerNorm().Linear(16).Gelu().Linear(8);
        g.Output("y", h);
    }
}
