using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 004's ResNet, sized for 28x28 digits so it trains on a CPU in minutes: the same helper and loops as
/// <see cref="ResNet"/> (a 7x7/2 stem, stages of two residual blocks, a strided 1x1 projection on the shortcut of
/// every stage's first block but the first), with three stages of 16, 32 and 64 filters, 1x28x28 input, 10 classes.
/// </summary>
[Model]
public partial class DigitResNet
{
    static void Define(Graph g)
    {
        // The helpers of the seed's ResNet (inlined by the generator): three stages from 16 filters.
        var features = ResNet.Features(g.Input("image", 1, 28, 28), filters: 16, numBlocks: 3);
        var logits = features.GlobalAvgPool2d().Linear(10);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
