using Dsl;

namespace EditorConsumer.Models;

/// <summary>
/// The deliberate mistake: the dense layer comes straight after a convolution, so it gets a 4-D
/// [B, 8, 26, 26] tensor instead of [B, F]. An editor must underline the Linear call with DSL0002.
/// </summary>
[Model]
public partial class Classifier
{
    static void Define(Graph g) => g.Output("logits", g.Input("image", 1, 28, 28).Conv2d(8, 3).Relu().Linear(10));
}
