using Dsl;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// The learned-tensor and constant ops together, for the PyTorch parity of values and weights: token plus learned
/// position embeddings over a symbolic length (<c>Positions</c>), a learned [CLS] token prepended by a broadcasting
/// Concat, a T-Net-style 4x4 transform starting from the identity (<c>Ops.Eye</c>), <c>Repeat</c>, <c>Expand</c> and
/// constants, with a loss on the [CLS] token.
/// </summary>
[Model]
[PyTorchParity]
public partial class LearnedPositions
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, Dim.Of("T"));
        var x = tokens.Embedding(8, 4, name: "embed") + tokens.Positions(1).Embedding(16, 4, name: "positions"); // [B, T, 4]
        var cls = g.Parameter("cls_token", 1, 4, init: ParameterInit.Normal, std: 0.02);                          // [1, 1, 4]
        var h = Ops.Concat(1, broadcast: true, cls, x);                                                           // [B, T + 1, 4]
        var transform = h.Mean(1).Linear(16, name: "tnet").Reshape(4, 4) + Ops.Eye(4);                            // [B, 4, 4]
        h = Ops.MatMul(h, transform) * Ops.Full(0.5, 1, 4) + Ops.Ones(1, 4).Expand(1, -1);                        // [B, T + 1, 4]
        var summary = Ops.Concat(-1, h.Select(1, 0), h.Mean(1).Repeat(2));                                       // [B, 12]
        var logits = summary.Linear(3, name: "head");
        g.Output("logits", logits);
        g.Output("sequence", h);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
