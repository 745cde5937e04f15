using Dsl;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// A model unlike the Examples' digit classifiers, for <see cref="PyTorchProjectTests"/>: feature vectors, a
/// classification head and a regression head whose loss is masked per sample (so the data has a mask column).
/// </summary>
[Model]
public partial class ScaleOutNet
{
    static void Define(Graph g)
    {
        var features = g.Input("features", 8);
        var hidden = features.Linear(16, name: "hidden").Relu();
        var logits = hidden.Linear(3, name: "classes");
        var value = hidden.Linear(1, name: "value");
        g.Output("logits", logits);
        g.Output("estimate", value);
        g.Loss("label", logits, Loss.CrossEntropy());
        g.Loss("target", value, Loss.Mse(), weight: 0.5).MaskedBy("known");
    }
}

/// <summary>A model without a loss: nothing for torchrun to minimize.</summary>
[Model]
public partial class ScaleOutEncoder
{
    static void Define(Graph g)
    {
        g.Output("code", g.Input("features", 8).Linear(4));
    }
}
