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
    const int NumBlocks = 3;
    const int NumSubBlocks = 2;

    static Node ResidualBlock(Node x, int filters, bool downsample)
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

    static void Define(Graph g)
    {
        int filters = 16;
        var x = g.Input("image", 1, 28, 28)
            .Conv2d(filters, 7, stride: 2, padding: Padding.Same)
            .BatchNorm2d()
            .Relu();

        for (int i = 0; i < NumBlocks; i++)
        {
            for (int j = 0; j < NumSubBlocks; j++)
            {
                bool isFirstLayerButNotFirstBlock = j == 0 && i > 0;
                x = ResidualBlock(x, filters, isFirstLayerButNotFirstBlock);
            }

            filters *= 2;
        }

        var logits = x.GlobalAvgPool2d().Linear(10);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
