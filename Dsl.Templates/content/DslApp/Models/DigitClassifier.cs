namespace DslApp.Models;

/// <summary>
/// A small convolutional classifier for 28x28 digits. The generator checks every shape at compile time: change
/// Linear(10)'s input (remove .Flatten(), say) and the build stops at that line with a DSL error.
/// </summary>
[Model]
public partial class DigitClassifier
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 28, 28);          // [B, 1, 28, 28]; B is the batch
        var logits = image
            .Conv2d(16, 3).Relu()                         // [B, 16, 26, 26]
            .MaxPool2d(2)                                 // [B, 16, 13, 13]
            .Conv2d(32, 3).Relu()                         // [B, 32, 11, 11]
            .MaxPool2d(2)                                 // [B, 32, 5, 5]
            .Flatten()                                    // [B, 800]
            .Linear(64).Relu()
            .Linear(10);                                  // [B, 10]
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());      // Targets.Label: [B] int64 class indices
    }
}
