using Dsl;

namespace Dsl.Onnx.Tests.Models;

/// <summary>
/// A causal next-token model whose losses read nodes that are no outputs (the shifted logits, the transposed logits,
/// the shifted int64 tokens): its ONNX graph has the declared logits as its only output.
/// </summary>
[Model]
public partial class NextTokenModel
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var logits = tokens.Embedding(10, 8).MultiheadAttention(2, causal: true).Linear(10, name: "head");
        g.Output("logits", logits);
        g.Loss("next_token", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: tokens.Slice(1, 1)));
        g.Loss("tokens_again", logits.Transpose(1, 2), Loss.CrossEntropy(ignoreIndex: 0)).MaskedBy("positions", perPosition: true);
    }
}
