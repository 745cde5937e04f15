using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// A BERT-style encoder layer over token ids whose padding id 0 is both the Embedding's padding and the keys that
/// attention ignores (PyTorch's key_padding_mask = tokens == 0), trained by a masked-token loss on a [B, T] mask.
/// </summary>
[Model]
[PyTorchParity]
public partial class MaskedTokenEncoder
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var h = tokens.Embedding(12, 16, paddingIdx: 0, name: "embed");
        h = (h + h.MultiheadAttention(4, keyPaddingMask: tokens, paddingIdx: 0, name: "attention")).LayerNorm(name: "norm1");
        h = (h + h.Linear(32, name: "ff1").Gelu().Linear(16, name: "ff2")).LayerNorm(name: "norm2");
        var logits = h.Linear(12, name: "mlm_head");
        g.Output("logits", logits);
        g.Loss("masked_tokens", logits, Loss.CrossEntropy()).MaskedBy("masked", perPosition: true);
    }
}

/// <summary>Attention over float features with a float key padding mask input ([B, T], nonzero: padding).</summary>
[Model]
public partial class FlaggedAttention
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 8);
        var padding = g.Input("padding", Dim.Of("T"));
        g.Output("y", x.MultiheadAttention(2, keyPaddingMask: padding, name: "attention"));
    }
}
