using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 003: the base network of the Siamese example, applied to both images of a pair with one set of
/// weights. Input 1x56x46 (the 112x92 faces at half resolution), conv 6 and conv 12 (3x3) with 2x2 max pooling
/// and dropout 0.25, then dense 128 (dropout 0.1) and dense 50. Channels-first throughout: 191,618 trainable
/// parameters. (The seed's first MaxPool2D omits data_format="channels_first", so Keras pools that tensor
/// over its channel and height axes and reports 394,046; the article's intent is the channels-first tower.)
/// </summary>
[Model]
public partial class SiameseTower
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 56, 46);
        var embedding = image
            .Conv2d(6, 3).Relu().MaxPool2d(2).Dropout(0.25)
            .Conv2d(12, 3).Relu().MaxPool2d(2).Dropout(0.25)
            .Flatten()
            .Linear(128).Relu().Dropout(0.1)
            .Linear(50).Relu();
        g.Output("embedding", embedding);
    }
}
