using System.Collections.Generic;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// Attention masks and weights: causal self-attention with int64 flags per sample ([B, T, T], nonzero: masked, as
/// PyTorch's bool attn_mask), then cross-attention to a memory with an additive float mask per head
/// ([B, heads, T, S]) and a key padding mask; both attentions' head-averaged weights are outputs.
/// </summary>
[Model]
[PyTorchParity]
public partial class MaskedAttentionNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 8);
        var flags = g.Input("flags", DType.Int64, Dim.Of("T"), Dim.Of("T"));
        var memory = g.Input("memory", Dim.Of("S"), 8);
        var headBias = g.Input("head_bias", 2, Dim.Of("T"), Dim.Of("S"));
        var gaps = g.Input("gaps", Dim.Of("S"));
        var attended = x.MultiheadAttention(2, causal: true, attnMask: flags, name: "self_attention");
        var crossed = (x + attended).MultiheadAttention(2, keyValue: memory, keyPaddingMask: (gaps - 0.7).Relu(), attnMask: headBias, name: "cross_attention");
        g.Output("y", crossed);
        g.Output("self_weights", attended.AttentionWeights());     // [B, T, T]
        g.Output("cross_weights", crossed.AttentionWeights());     // [B, T, S]
    }

    /// <summary>
    /// The parity tests' batch (T = 5, S = 4): flags at random but never on the diagonal, so with the causal mask every
    /// query keeps a key (a query with none gives NaN in PyTorch), and a key padding mask that keeps the first key.
    /// </summary>
    public static Dictionary<string, torch.Tensor> ParityBatch(int size)
    {
        var flags = torch.randint(0, 2, new long[] { size, 5, 5 }, dtype: torch.ScalarType.Int64) * (1 - torch.eye(5, dtype: torch.ScalarType.Int64));
        var gaps = torch.rand(size, 4);
        gaps[.., 0] = torch.tensor(0f);
        return new Dictionary<string, torch.Tensor>
        {
            ["x"] = torch.randn(size, 5, 8),
            ["flags"] = flags,
            ["memory"] = torch.randn(size, 4, 8),
            ["head_bias"] = torch.randn(size, 2, 5, 4),
            ["gaps"] = gaps,
        };
    }
}

/// <summary>A learned bias of every query-key pair shared by the batch (a g.Parameter, [1, T, T]: PyTorch's [T, S] attn_mask).</summary>
[Model]
[PyTorchParity]
public partial class LearnedBiasAttention
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 4, 8);
        var bias = g.Parameter("position_bias", 4, 4, init: ParameterInit.Normal, std: 0.5);
        g.Output("y", x.MultiheadAttention(2, attnMask: bias, name: "attention"));
    }
}

/// <summary>
/// Each head's attention weights ([B, heads, T, S], PyTorch's average_attn_weights=False) beside their average: a causal
/// self-attention without other masks, whose per-head weights come from the module's parameters, and a cross-attention.
/// </summary>
[Model]
[PyTorchParity]
public partial class PerHeadAttentionNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 8);
        var memory = g.Input("memory", Dim.Of("S"), 8);
        var attended = x.MultiheadAttention(4, causal: true, name: "self_attention");
        var crossed = attended.MultiheadAttention(2, keyValue: memory, name: "cross_attention");
        g.Output("y", crossed);
        g.Output("self_heads", attended.AttentionWeights(averageHeads: false));    // [B, 4, T, T]
        g.Output("self_average", attended.AttentionWeights());                     // [B, T, T]
        g.Output("cross_heads", crossed.AttentionWeights(averageHeads: false));    // [B, 2, T, S]
    }
}
