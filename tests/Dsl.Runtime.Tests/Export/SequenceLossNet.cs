using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// Cross entropy and NLL over a token sequence [B, 6, 11] (classes last): an ignored index, a per-position mask with
/// fractional weights, next-token targets read from the tokens themselves, and a per-sample mask with an ignored
/// padding index; for the PyTorch parity of values and gradients.
/// </summary>
[Model]
[PyTorchParity]
public partial class SequenceLossNet
{
    static void Define(Graph g)
    {
        var tokens = g.Input("tokens", DType.Int64, 6);
        var logits = tokens.Embedding(11, 8, name: "embed").Linear(11, name: "head");
        g.Output("logits", logits);
        g.Loss("labels", logits, Loss.CrossEntropy(ignoreIndex: -100));
        g.Loss("masked", logits, Loss.CrossEntropy(labelSmoothing: 0.1)).MaskedBy("positions", perPosition: true);
        g.Loss("next_token", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: tokens.Slice(1, 1)), weight: 0.5);
        g.Loss("log_likelihood", logits.LogSoftmax(-1), Loss.Nll(ignoreIndex: 0)).MaskedBy("samples");
    }
}
