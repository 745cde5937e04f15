using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A small Vision Transformer (Dosovitskiy et al. 2021) written as its reference code reads: patch embedding by a
/// Conv2d with stride = patch, flatten + transpose to tokens, a learned [CLS] token prepended, learned position
/// embeddings added, pre-norm encoder blocks (LayerNorm, MultiheadAttention, MLP with GELU, each in a residual), and
/// the classification head on the [CLS] token.
/// </summary>
[Model]
[PyTorchParity]
public partial class VisionTransformer
{
    static void Define(Graph g)
    {
        const int dim = 32, patch = 4, heads = 4, depth = 2, classes = 10;
        const int patches = (16 / patch) * (16 / patch);
        var image = g.Input("image", 3, 16, 16);
        var tokens = image.Conv2d(dim, patch, stride: patch, name: "patch_embed")   // [B, 32, 4, 4]
            .Reshape(dim, patches).Transpose(1, 2);                                      // [B, 16, 32]
        var cls = g.Parameter("cls_token", 1, dim);                                      // [1, 1, 32]
        var pos = g.Parameter("pos_embedding", patches + 1, dim, init: ParameterInit.Normal, std: 0.02); // [1, 17, 32]
        var x = Ops.Concat(1, cls.Expand(batchOf: tokens), tokens) + pos;               // [B, 17, 32]
        for (int i = 0; i < depth; i++)
        {
            x = x + x.LayerNorm(name: $"block{i}_norm1").MultiheadAttention(heads, name: $"block{i}_attn");
            x = x + x.LayerNorm(name: $"block{i}_norm2").Linear(4 * dim, name: $"block{i}_fc1").Gelu().Linear(dim, name: $"block{i}_fc2");
        }

        var logits = x.LayerNorm(name: "norm").Select(1, 0).Linear(classes, name: "head"); // the [CLS] token
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
