using System;
using System.Collections.Generic;
using System.Linq;
using Dsl;
using TorchSharp;

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
[PyTorchParity]
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

    /// <summary>The ids of padding, [MASK], [CLS] and [SEP]; words are the ids from 4.</summary>
    public const long Padding = 0, Mask = 1, Cls = 2, Sep = 3;

    /// <summary>The batch the parity tests run (the generic random one would put token types past 1 and make the attention mask other than 0 / 1).</summary>
    public static Dictionary<string, torch.Tensor> ParityBatch(int size) => SampleBatch(size, 9, seed: 7);

    /// <summary>
    /// Sentences of counting words ([CLS] w, w+1, ... [SEP], then padding), a second segment of token type 1, about
    /// 15 % of the words replaced by [MASK] with their labels kept there (-100 elsewhere); the attention mask is 0 on
    /// the padding, which every sentence but the longest has.
    /// </summary>
    public static Dictionary<string, torch.Tensor> SampleBatch(int count, int length, int seed)
    {
        var random = new Random(seed);
        var ids = new long[count * length];
        var types = new long[count * length];
        var mask = new float[count * length];
        var labels = Enumerable.Repeat(-100L, count * length).ToArray();
        for (int i = 0; i < count; i++)
        {
            int used = i == 0 ? length : random.Next(length / 2, length + 1);
            int split = random.Next(2, used - 1);
            int start = random.Next(4, Vocab);
            for (int j = 0; j < used; j++)
            {
                int at = (i * length) + j;
                mask[at] = 1;
                types[at] = j >= split ? 1 : 0;
                long word = 4 + ((start - 4 + j) % (Vocab - 4));
                ids[at] = j == 0 ? Cls : j == used - 1 ? Sep : word;
                if (j > 0 && j < used - 1 && random.NextDouble() < 0.15)
                {
                    labels[at] = word;
                    ids[at] = Mask;
                }
            }

            for (int j = used; j < length; j++)
            {
                ids[(i * length) + j] = Padding;
            }
        }

        // At least one masked position, so the loss is defined.
        if (labels.All(l => l == -100))
        {
            labels[1] = ids[1];
            ids[1] = Mask;
        }

        return new Dictionary<string, torch.Tensor>
        {
            ["input_ids"] = torch.tensor(ids).reshape(count, length),
            ["token_type_ids"] = torch.tensor(types).reshape(count, length),
            ["attention_mask"] = torch.tensor(mask).reshape(count, length),
            ["labels"] = torch.tensor(labels).reshape(count, length),
        };
    }
}
