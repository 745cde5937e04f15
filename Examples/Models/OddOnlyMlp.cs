using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 002: the small MLP (flatten, dense 64 relu, dense 10) whose loss counts only odd digits.
/// Keras reports 50,890 trainable parameters.
/// </summary>
[Model]
public partial class OddOnlyMlp
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 28, 28);
        var logits = image.Flatten().Linear(64).Relu().Linear(10);
        g.Output("logits", logits);

        // The seed's custom loss: categorical cross entropy times an "is odd" column, so even digits never train.
        g.Loss("label", logits, Loss.CrossEntropy()).MaskedBy("isOdd");
    }
}
