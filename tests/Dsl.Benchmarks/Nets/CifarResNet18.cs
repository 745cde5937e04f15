using Dsl;

namespace Dsl.Benchmarks.Nets;

/// <summary>
/// ResNet-18 for 32x32 images as CIFAR-10 papers train it: a 3x3 stem without max pooling, four stages of two basic
/// blocks (64, 128, 256, 512 channels; a 1x1 projection where a block changes width or stride), global average pooling
/// and a 10-way classifier; 11,173,962 parameters.
/// </summary>
[Model]
public partial class CifarResNet18
{
    static Node BasicBlock(Node x, int planes, int stride, string name)
    {
        var y = x.Conv2d(planes, 3, stride: stride, padding: 1, bias: false, name: $"{name}.conv1")
            .BatchNorm2d(name: $"{name}.bn1").Relu()
            .Conv2d(planes, 3, padding: 1, bias: false, name: $"{name}.conv2")
            .BatchNorm2d(name: $"{name}.bn2");
        var shortcut = stride != 1 || x.Size(1) != planes
            ? x.Conv2d(planes, 1, stride: stride, bias: false, name: $"{name}.shortcut.0").BatchNorm2d(name: $"{name}.shortcut.1")
            : x;
        return (y + shortcut).Relu();
    }

    static void Define(Graph g)
    {
        var x = g.Input("image", 3, 32, 32)
            .Conv2d(64, 3, padding: 1, bias: false, name: "conv1").BatchNorm2d(name: "bn1").Relu();
        int[] widths = { 64, 128, 256, 512 };
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < 2; block++)
            {
                x = BasicBlock(x, widths[stage], stage > 0 && block == 0 ? 2 : 1, $"layer{stage + 1}.{block}");
            }
        }

        var logits = x.GlobalAvgPool2d().Linear(10, name: "fc");
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
