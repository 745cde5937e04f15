using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// Batch-level ops in ONNX: a CLIP-style pair of towers whose L2-normalized outputs are the model's outputs, the [B, B]
/// similarity of the two batches times exp(logit_scale) (its second axis is the batch size) and its transpose, the InfoNCE loss over it
/// (not part of the inference graph), a batch mean [1, F] and the features centred on it.
/// </summary>
[Model]
public partial class BatchLevelOps
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 6);
        var text = g.Input("text", 5);
        var imageEmbedding = image.Linear(8, name: "visual.fc").Gelu().Linear(4, name: "visual.proj").Normalize(dim: -1);
        var textEmbedding = text.Linear(4, name: "text_proj").Normalize(dim: -1);
        g.Output("image_embedding", imageEmbedding);
        g.Output("text_embedding", textEmbedding);
        var logits = Ops.BatchSimilarity(imageEmbedding, textEmbedding) * g.Parameter("logit_scale", 1, init: ParameterInit.Ones).Exp();
        g.Output("logits", logits);                                               // [B, B]
        g.Output("logits_per_text", logits.Transpose(0, 1));                      // [B, B], the texts' rows
        g.Output("mean", image.BatchMean());                                      // [1, 6]
        g.Output("centered", image - image.BatchMean());                          // [B, 6]
        g.Loss("clip", logits, Loss.InfoNce());
    }
}
