using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A GPT-style decoder (Radford et al. 2019) written as nanoGPT / GPT-2 read: token embeddings plus learned position
/// embeddings (<c>wte</c>, <c>wpe</c>), pre-norm blocks of causal self-attention and a GELU MLP, each in a residual, a
/// final LayerNorm and the language-model head, whose weight is the token table (tied, as GPT-2's
/// <c>lm_head.weight = wte.weight</c>: one parameter, counted once); the loss is the next token's cross entropy, the logits of positions
/// 0 .. T-2 against the tokens 1 .. T-1 the model reads itself (no shifted copy of the data). The state-dict names
/// are GPT-2's hierarchy (<c>h.0.ln_1.weight</c>).
/// </summary>
[Model]
[PyTorchParity]
public partial class TinyGpt
{
    /// <summary>Characters the model knows (its vocabulary is their indices).</summary>
    public const string Alphabet = " .abcdefghijklmnopqrstuvwxyz";

    /// <summary>The longest context (the position table's size).</summary>
    public const int MaxLength = 32;

    static void Define(Graph g)
    {
        const int vocab = 28, dim = 32, heads = 4, layers = 2;
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));                      // [B, T]
        var wte = tokens.Embedding(vocab, dim, name: "wte");                           // [B, T, 32]
        var x = wte + tokens.Positions(1).Embedding(MaxLength, dim, name: "wpe");       // [1, T, 32], broadcast over B
        for (int i = 0; i < layers; i++)
        {
            x = x + x.LayerNorm(name: $"h.{i}.ln_1").MultiheadAttention(heads, causal: true, name: $"h.{i}.attn");
            x = x + x.LayerNorm(name: $"h.{i}.ln_2").Linear(4 * dim, name: $"h.{i}.mlp.c_fc").Gelu().Linear(dim, name: $"h.{i}.mlp.c_proj");
        }

        var logits = x.LayerNorm(name: "ln_f").Linear(vocab, tiedTo: wte, name: "lm_head");  // [B, T, 28], weight = wte's table
        g.Output("logits", logits);
        g.Loss("next_token", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: tokens.Slice(1, 1)));
    }
}
