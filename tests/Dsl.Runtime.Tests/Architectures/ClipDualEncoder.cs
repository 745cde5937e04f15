using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A CLIP-style dual encoder (Radford et al. 2021), as its reference code reads: an image tower and a text tower (token
/// embeddings, mean over the tokens), each ending in a linear projection that is L2-normalized, the [B, B] logits of
/// every image against every text scaled by <c>logit_scale.exp()</c> (a learned temperature), and the symmetric cross
/// entropy against the diagonal (<c>Loss.InfoNce()</c>): image i belongs with text i.
/// </summary>
[Model]
[PyTorchParity]
public partial class ClipDualEncoder
{
    public const int Features = 12, Vocabulary = 20, Tokens = 5, Width = 16, Embedding = 8;

    static void Define(Graph g)
    {
        var image = g.Input("image", Features);                                     // [B, 12]
        var text = g.Input("tokens", DType.Int64, Tokens);                           // [B, 5] token ids
        var imageEmbedding = image.Linear(Width, name: "visual.fc").Gelu()
            .Linear(Embedding, bias: false, name: "visual.proj").Normalize(dim: -1);  // [B, 8], unit rows
        var textEmbedding = text.Embedding(Vocabulary, Width, name: "text.token_embedding").Mean(1)
            .Linear(Embedding, bias: false, name: "text.proj").Normalize(dim: -1);    // [B, 8]
        g.Output("image_embedding", imageEmbedding);
        g.Output("text_embedding", textEmbedding);

        var logitScale = g.Parameter("logit_scale", 1, init: ParameterInit.Ones);    // [1, 1]
        var logits = Ops.BatchSimilarity(imageEmbedding, textEmbedding) * logitScale.Exp();   // [B, B]
        g.Loss("clip", logits, Loss.InfoNce());
    }
}
