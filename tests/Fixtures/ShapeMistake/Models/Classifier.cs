using Dsl;

namespace ShapeMistake.Models;

/// <summary>
/// The deliberate mistake: the dense layer comes straight after a convolution, so it gets a 4-D
/// [B, 8, 26, 26] tensor instead of [B, F]. The build must fail with DSL0002 at that call.
/// </summary>
[Model]
public partial class Classifier
{
    static void Define(Graph g)
    {
        var features = g.Input("image", 1, 28, 28).Conv2d(8, 3).Relu();
        g.Output("logits", features.Linear(10));
    }
}
