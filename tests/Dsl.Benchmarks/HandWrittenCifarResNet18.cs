using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>
/// <see cref="Nets.CifarResNet18"/> written by hand the way a TorchSharp user would: a basic-block module, the stages
/// as module lists, functional ReLUs. Parameter names match the generated module's.
/// </summary>
public sealed class HandWrittenCifarResNet18 : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(3, 64, 3, padding: 1, bias: false);
    private readonly BatchNorm2d bn1 = nn.BatchNorm2d(64);
    private readonly ModuleList<BasicBlock> layer1;
    private readonly ModuleList<BasicBlock> layer2;
    private readonly ModuleList<BasicBlock> layer3;
    private readonly ModuleList<BasicBlock> layer4;
    private readonly Linear fc = nn.Linear(512, 10);

    public HandWrittenCifarResNet18()
        : base(nameof(HandWrittenCifarResNet18))
    {
        layer1 = Stage(64, 64, 1);
        layer2 = Stage(64, 128, 2);
        layer3 = Stage(128, 256, 2);
        layer4 = Stage(256, 512, 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor image)
    {
        var x = nn.functional.relu(bn1.forward(conv1.forward(image)));
        foreach (var stage in new[] { layer1, layer2, layer3, layer4 })
        {
            foreach (var block in stage)
            {
                x = block.forward(x);
            }
        }

        return fc.forward(nn.functional.adaptive_avg_pool2d(x, 1).flatten(1));
    }

    private static ModuleList<BasicBlock> Stage(int inPlanes, int planes, int stride) =>
        nn.ModuleList(new BasicBlock(inPlanes, planes, stride), new BasicBlock(planes, planes, 1));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var module in new List<nn.Module> { conv1, bn1, layer1, layer2, layer3, layer4, fc })
            {
                module.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Two 3x3 convolutions with batch norm, and a 1x1 projection of the shortcut where width or stride change.</summary>
    public sealed class BasicBlock : nn.Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly Conv2d conv2;
        private readonly BatchNorm2d bn2;
        private readonly Sequential? shortcut;

        public BasicBlock(int inPlanes, int planes, int stride)
            : base(nameof(BasicBlock))
        {
            conv1 = nn.Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
            bn1 = nn.BatchNorm2d(planes);
            conv2 = nn.Conv2d(planes, planes, 3, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(planes);
            shortcut = stride != 1 || inPlanes != planes
                ? nn.Sequential(nn.Conv2d(inPlanes, planes, 1, stride: stride, bias: false), nn.BatchNorm2d(planes))
                : null;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var y = bn2.forward(conv2.forward(nn.functional.relu(bn1.forward(conv1.forward(x)))));
            return nn.functional.relu(y + (shortcut is null ? x : shortcut.forward(x)));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                conv1.Dispose();
                bn1.Dispose();
                conv2.Dispose();
                bn2.Dispose();
                shortcut?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
