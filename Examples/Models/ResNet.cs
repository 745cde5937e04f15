using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 004: the ResNet built by loops and a helper. A 7x7/2 stem, four stages of two residual blocks
/// (64, 128, 256, 512 filters); the first block of every stage but the first downsamples and projects its
/// shortcut with a strided 1x1 convolution. Input 3x128x128, 2 classes. Keras reports 11,180,546 trainable
/// and 7,808 non-trainable parameters (BatchNorm running statistics).
/// </summary>
[Model]
public partial class ResNet
{
    const int NumBlocks = 4;
    const int NumSubBlocks = 2;

    /// <summary>A residual block: two 3x3 convolutions with BatchNorm; a strided 1x1 projection when it downsamples.</summary>
    internal static Node ResidualBlock(Node x, int filters, bool downsample)
    {
        int strides = downsample ? 2 : 1;
        var y = x.Conv2d(filters, 3, stride: strides, padding: Padding.Same).BatchNorm2d().Relu();
        y = y.Conv2d(filters, 3, padding: Padding.Same).BatchNorm2d();
        if (downsample)
        {
            x = x.Conv2d(filters, 1, stride: 2, padding: Padding.Same);
        }

        return (x + y).Relu();
    }

    /// <summary>
    /// The seed's resnet_model up to the pooling: a 7x7/2 stem, then <paramref name="numBlocks"/> stages of
    /// <see cref="NumSubBlocks"/> residual blocks whose filters double from stage to stage.
    /// </summary>
    internal static Node Features(Node image, int filters, int numBlocks)
    {
        var x = image
            .Conv2d(filters, 7, stride: 2, padding: Padding.Same)
            .BatchNorm2d()
            .Relu();

        for (int i = 0; i < numBlocks; i++)
        {
            for (int j = 0; j < NumSubBlocks; j++)
            {
                bool isFirstLayerButNotFirstBlock = j == 0 && i > 0;
                x = ResidualBlock(x, filters, isFirstLayerButNotFirstBlock);
            }

            filters *= 2;
        }

        return x;
    }

    static void Define(Graph g)
    {
        var features = Features(g.Input("image", 3, 128, 128), filters: 64, numBlocks: NumBlocks);
        var logits = features.GlobalAvgPool2d().Linear(2);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
