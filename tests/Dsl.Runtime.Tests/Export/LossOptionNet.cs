using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>Every loss option and the losses beyond the seeds', on trained heads, for the PyTorch parity test.</summary>
[Model]
[PyTorchParity]
public partial class LossOptionNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 6);
        var logits = x.Linear(4, name: "classes");
        var logProbabilities = logits.LogSoftmax();
        var values = x.Linear(2, name: "values");
        g.Output("logits", logits);
        g.Output("log_probabilities", logProbabilities);
        g.Output("values", values);
        g.Loss("label", logits, Loss.CrossEntropy(labelSmoothing: 0.1));
        g.Loss("soft", logits, Loss.CrossEntropy(soft: true, labelSmoothing: 0.2), weight: 0.5);
        g.Loss("klass", logProbabilities, Loss.Nll());
        g.Loss("distribution", logProbabilities, Loss.KlDivergence());
        g.Loss("y", values, Loss.Huber(delta: 0.3));
        g.Loss("flag", values, Loss.BinaryCrossEntropyWithLogits(posWeight: 2.5));
    }
}
