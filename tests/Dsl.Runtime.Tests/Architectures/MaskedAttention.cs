using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// Attention masks and weights: causal self-attention plus an additive float mask per sample ([B, T, T]), then
/// cross-attention to a memory with a mask per head ([B, heads, T, S]) and a key padding mask, both attentions'
/// head-averaged weights as outputs.
/// </summary>
[Model]
public partial class MaskedAttentionNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 8);
        var bias = g.Input("bias", Dim.Of("T"), Dim.Of("T"));
        var memory = g.Input("memory", Dim.Of("S"), 8);
        var headBias = g.Input("head_bias", 2, Dim.Of("T"), Dim.Of("S"));
        var gaps = g.Input("gaps", Dim.Of("S"));
        var attended = x.MultiheadAttention(2, causal: true, attnMask: bias, name: "self_attention");
        var crossed = (x + attended).MultiheadAttention(2, keyValue: memory, keyPaddingMask: (gaps - 0.7).Relu(), attnMask: headBias, name: "cross_attention");
        g.Output("y", crossed);
        g.Output("self_weights", attended.AttentionWeights());     // [B, T, T]
        g.Output("cross_weights", crossed.AttentionWeights());     // [B, T, S]
    }
}

/// <summary>A learned bias of every query-key pair shared by the batch (a g.Parameter, [1, T, T]: PyTorch's [T, S] attn_mask).</summary>
[Model]
public partial class LearnedBiasAttention
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 4, 8);
        var bias = g.Parameter("position_bias", 4, 4, init: ParameterInit.Normal, std: 0.5);
        g.Output("y", x.MultiheadAttention(2, attnMask: bias, name: "attention"));
    }
}
