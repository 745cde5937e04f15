using System;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Modules;

/// <summary>
/// Attention in generated code beyond what TorchSharp's <c>MultiheadAttention.forward</c> gives: splitting its
/// result into the attended sequence and the head-averaged weights [B, T, S] that <c>attention.AttentionWeights()</c>
/// reads, and attention with an attention mask, computed from the module's own parameters (libtorch's C++ module
/// refuses a mask per sample, [B x heads, T, S], which PyTorch's accepts).
/// </summary>
public static class AttentionResult
{
    /// <summary>Returns the attention's output; <paramref name="weights"/> is its second value, the weights.</summary>
    public static Tensor Output(Tuple<Tensor, Tensor> result, out Tensor weights)
    {
        weights = result.Item2;
        return result.Item1;
    }

    /// <summary>
    /// PyTorch's <c>nn.MultiheadAttention</c> forward over batch-first [B, T, E] query and [B, S, E] key and value with
    /// the module's <c>in_proj_weight</c> / <c>in_proj_bias</c> / <c>out_proj</c>: per head softmax(q k^T / sqrt(d) +
    /// <paramref name="mask"/>) (the mask additive, broadcast to [B, heads, T, S]), keys where
    /// <paramref name="keyPaddingMask"/> is true at -infinity, dropout on the weights in training, then the output
    /// projection. <paramref name="weights"/>: the weights averaged over the heads, [B, T, S].
    /// </summary>
    public static Tensor Masked(MultiheadAttention module, Tensor query, Tensor key, Tensor value, Tensor? keyPaddingMask, Tensor mask, int heads, double dropout, bool training, out Tensor weights) =>
        Attend(module, query, key, value, keyPaddingMask, mask, heads, dropout, training, averageWeights: true, out weights);

    /// <summary>
    /// <see cref="Masked"/> with the attention mask optional and the weights either averaged over the heads, [B, T, S], or
    /// each head's, [B, heads, T, S] (<paramref name="averageWeights"/> false: PyTorch's <c>average_attn_weights=False</c>).
    /// </summary>
    public static Tensor Attend(MultiheadAttention module, Tensor query, Tensor key, Tensor value, Tensor? keyPaddingMask, Tensor? mask, int heads, double dropout, bool training, bool averageWeights, out Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var projections = parameters["in_proj_weight"].chunk(3);
        var biases = parameters["in_proj_bias"].chunk(3);
        long batch = query.shape[0], t = query.shape[1], s = key.shape[1], e = query.shape[2], d = e / heads;
        Tensor Heads(Tensor x, int part, long length) =>
            nn.functional.linear(x, projections[part], biases[part]).view(batch, length, heads, d).transpose(1, 2);

        var scores = matmul(Heads(query, 0, t), Heads(key, 1, s).transpose(2, 3)) / Math.Sqrt(d);
        if (mask is not null)
        {
            scores += mask;
        }

        if (keyPaddingMask is not null)
        {
            scores = scores.masked_fill(keyPaddingMask.view(batch, 1, 1, s), float.NegativeInfinity);
        }

        var probabilities = nn.functional.dropout(nn.functional.softmax(scores, -1), dropout, training);
        weights = averageWeights ? probabilities.mean(new long[] { 1 }) : probabilities;
        var merged = matmul(probabilities, Heads(value, 2, s)).transpose(1, 2).reshape(batch, t, e);
        return nn.functional.linear(merged, parameters["out_proj.weight"], parameters["out_proj.bias"]);
    }
}
