using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 000: the MNIST classifier (two 3x3 convolutions, max pooling, dropout, two dense layers) that is
/// pretrained as the teacher of the joint-embedding example. Keras reports 1,199,882 trainable parameters.
/// The seed ends in a softmax; here the head returns logits and the cross-entropy loss applies log-softmax.
/// </summary>
[Model]
public partial class DigitClassifier
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 28, 28);
        var logits = image
            .Conv2d(32, 3, name: "layer1").Relu()
            .Conv2d(64, 3, name: "layer2").Relu()
            .MaxPool2d(2).Dropout(0.25)
            .Flatten()
            .Linear(128, name: "layer3").Relu().Dropout(0.5)
            .Linear(10, name: "layer4");
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());   // Targets.Label: [B] int64 class indices
    }
}
