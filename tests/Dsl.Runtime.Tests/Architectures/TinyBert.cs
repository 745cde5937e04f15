using System;
using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A BERT-style encoder with its masked-language-model head (Devlin et al. 2019), written as Hugging Face's
/// <c>BertForMaskedLM</c> reads: word + learned position + token type embeddings and their LayerNorm, post-norm
/// layers whose self-attention is separate query / key / value projections split into heads by <c>view</c> and
/// <c>permute</c>, scores <c>q k^T / sqrt(d)</c> plus the additive mask <c>(1 - attention_mask) * finfo.min</c>, a
/// GELU intermediate layer, and the prediction head (dense, GELU, LayerNorm, decoder). The state-dict names are
/// Hugging Face's (<c>bert.encoder.layer.0.attention.self.query.weight</c>), and the loss is its masked-token cross
/// entropy: labels are -100 except at the masked positions.
/// </summary>
[Model]
public partial class TinyBert
{
    public const int Vocab = 40, Hidden = 32, Heads = 2, Layers = 2, Intermediate = 64, MaxPositions = 32;

    /// <summary>The head size d = hidden / heads.</summary>
    public const int HeadSize = Hidden / Heads;

    /// <summary>torch.finfo(torch.float32).min, the additive mask of a padding key.</summary>
    public const double MaskValue = -3.4028234663852886e38;

    // BertSelfAttention: [B, T, hidden] -> [B, heads, T, d] per projection, softmax(q k^T / sqrt(d) + mask) v, merged back.
    static Node SelfAttention(Node x, Node extendedMask, string name)
    {
        var query = x.Linear(Hidden, name: $"{name}.query").Unflatten(-1, Heads, HeadSize).Permute(0, 2, 1, 3);
        var key = x.Linear(Hidden, name: $"{name}.key").Unflatten(-1, Heads, HeadSize).Permute(0, 2, 1, 3);
        var value = x.Linear(Hidden, name: $"{name}.value").Unflatten(-1, Heads, HeadSize).Permute(0, 2, 1, 3);
        var scores = Ops.MatMul(query, key.Transpose(2, 3)) / Math.Sqrt(HeadSize) + extendedMask;   // [B, heads, T, T]
        var probabilities = scores.Softmax(-1).Dropout(0.1);
        return Ops.MatMul(probabilities, value).Permute(0, 2, 1, 3).Flatten(2);                      // [B, T, hidden]
    }

    // BertLayer: attention, then the feed-forward, each followed by dropout, the residual and LayerNorm (post-norm).
    static Node Layer(Node x, Node extendedMask, string name)
    {
        var attended = SelfAttention(x, extendedMask, $"{name}.attention.self");
        x = (attended.Linear(Hidden, name: $"{name}.attention.output.dense").Dropout(0.1) + x).LayerNorm(eps: 1e-12, name: $"{name}.attention.output.LayerNorm");
        var intermediate = x.Linear(Intermediate, name: $"{name}.intermediate.dense").Gelu();
        return (intermediate.Linear(Hidden, name: $"{name}.output.dense").Dropout(0.1) + x).LayerNorm(eps: 1e-12, name: $"{name}.output.LayerNorm");
    }

    static void Define(Graph g)
    {
        var inputIds = g.Input("input_ids", DType.Int64, Dim.Of("T"));          // [B, T]
        var tokenTypeIds = g.Input("token_type_ids", DType.Int64, Dim.Of("T"));  // [B, T]
        var attentionMask = g.Input("attention_mask", Dim.Of("T"));             // [B, T]: 1 a token, 0 padding

        var embeddings = inputIds.Embedding(Vocab, Hidden, paddingIdx: 0, name: "bert.embeddings.word_embeddings")
            + inputIds.Positions(1).Embedding(MaxPositions, Hidden, name: "bert.embeddings.position_embeddings")
            + tokenTypeIds.Embedding(2, Hidden, name: "bert.embeddings.token_type_embeddings");
        var x = embeddings.LayerNorm(eps: 1e-12, name: "bert.embeddings.LayerNorm").Dropout(0.1);

        var extendedMask = (1.0 - attentionMask).Unflatten(1, 1, 1, -1) * MaskValue;   // [B, 1, 1, T]: broadcast over heads and queries
        for (int i = 0; i < Layers; i++)
        {
            x = Layer(x, extendedMask, $"bert.encoder.layer.{i}");
        }

        var logits = x.Linear(Hidden, name: "cls.predictions.transform.dense").Gelu()
            .LayerNorm(eps: 1e-12, name: "cls.predictions.transform.LayerNorm")
            .Linear(Vocab, name: "cls.predictions.decoder");                          // [B, T, vocab]
        g.Output("last_hidden_state", x);
        g.Output("logits", logits);
        g.Loss("labels", logits, Loss.CrossEntropy(ignoreIndex: -100));                // labels [B, T]: -100 where not masked
    }
}
