using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>LeNet-5 (LeCun 1998, as usually written for 28x28 digits): tanh, average pooling, three dense layers.</summary>
[Model]
[PyTorchParity]
public partial class LeNet5
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 28, 28);
        var features = image
            .Conv2d(6, 5, padding: 2).Tanh().AvgPool2d(2)
            .Conv2d(16, 5).Tanh().AvgPool2d(2);
        var logits = features.Flatten().Linear(120).Tanh().Linear(84).Tanh().Linear(10);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}

/// <summary>VGG-11 with BatchNorm on 3x32x32 (CIFAR-sized): eight 3x3 convolutions in five stages, a 512-wide classifier.</summary>
[Model]
[PyTorchParity]
public partial class Vgg11Bn
{
    static void Define(Graph g)
    {
        var x = g.Input("image", 3, 32, 32);
        int[][] stages = { new[] { 64 }, new[] { 128 }, new[] { 256, 256 }, new[] { 512, 512 }, new[] { 512, 512 } };
        foreach (var stage in stages)
        {
            foreach (int channels in stage)
            {
                x = x.Conv2d(channels, 3, padding: 1).BatchNorm2d().Relu();
            }

            x = x.MaxPool2d(2);
        }

        var logits = x.Flatten().Linear(512).Relu().Dropout(0.5).Linear(512).Relu().Dropout(0.5).Linear(10);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}

/// <summary>Inception-v1's block 3a on [192, 28, 28]: four branches concatenated to 256 channels.</summary>
[Model]
[PyTorchParity]
public partial class InceptionBlock
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 192, 28, 28);
        var one = x.Conv2d(64, 1).Relu();
        var three = x.Conv2d(96, 1).Relu().Conv2d(128, 3, padding: 1).Relu();
        var five = x.Conv2d(16, 1).Relu().Conv2d(32, 5, padding: 2).Relu();
        var pool = x.MaxPool2d(3, stride: 1, padding: 1).Conv2d(32, 1).Relu();
        var y = Ops.Concat(1, one, three, five, pool);
        g.Output("y", y);
        g.Minimize("energy", y);
    }
}

/// <summary>MobileNetV2's inverted residual block (expansion 6, stride 1): 1x1 expand, 3x3 depthwise, 1x1 linear projection, residual.</summary>
[Model]
[PyTorchParity]
public partial class MobileNetV2Block
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 16, 14, 14);
        var expanded = x.Conv2d(96, 1, bias: false).BatchNorm2d().Relu6();
        var depthwise = expanded.Conv2d(96, 3, padding: 1, groups: 96, bias: false).BatchNorm2d().Relu6();
        var projected = depthwise.Conv2d(16, 1, bias: false).BatchNorm2d();
        var y = x + projected;
        g.Output("y", y);
        g.Minimize("energy", y);
    }
}
