using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Runtime.Tests.Models;
using Dsl.Tests.Shared;
using TorchSharp;
using Xunit.Abstractions;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// Well-known architectures written in the DSL: each has the parameter count of the same network built in PyTorch
/// (Debian's python3-torch, in one script) and runs forward, backward and an optimizer step on random input.
/// </summary>
public sealed class ArchitectureParityTests
{
    // The same networks in PyTorch, layer for layer (Keras-style Same padding written as PyTorch's symmetric padding).
    private const string Script = """
        import torch.nn as nn
        def bn_relu(c_in, c_out, **kw): return [nn.Conv2d(c_in, c_out, 3, padding=1, **kw), nn.BatchNorm2d(c_out), nn.ReLU()]
        lenet = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.Tanh(), nn.AvgPool2d(2), nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2),
            nn.Flatten(), nn.Linear(400, 120), nn.Tanh(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10))
        layers, c = [], 3
        for stage in [[64], [128], [256, 256], [512, 512], [512, 512]]:
            for out in stage:
                layers += bn_relu(c, out); c = out
            layers.append(nn.MaxPool2d(2))
        vgg = nn.Sequential(*layers, nn.Flatten(), nn.Linear(512, 512), nn.ReLU(), nn.Dropout(), nn.Linear(512, 512), nn.ReLU(), nn.Dropout(), nn.Linear(512, 10))
        inception = nn.ModuleList([nn.Conv2d(192, 64, 1), nn.Conv2d(192, 96, 1), nn.Conv2d(96, 128, 3, padding=1),
            nn.Conv2d(192, 16, 1), nn.Conv2d(16, 32, 5, padding=2), nn.Conv2d(192, 32, 1)])
        mobilenet = nn.Sequential(nn.Conv2d(16, 96, 1, bias=False), nn.BatchNorm2d(96), nn.ReLU6(),
            nn.Conv2d(96, 96, 3, padding=1, groups=96, bias=False), nn.BatchNorm2d(96), nn.ReLU6(),
            nn.Conv2d(96, 16, 1, bias=False), nn.BatchNorm2d(16))
        fcn = nn.ModuleList([nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.Conv2d(16, 32, 3, padding=1), nn.Conv2d(32, 16, 3, padding=1), nn.Conv2d(16, 1, 1)])
        for name, m in [("LeNet5", lenet), ("Vgg11Bn", vgg), ("InceptionBlock", inception), ("MobileNetV2Block", mobilenet), ("SymbolicDownsampler", fcn)]:
            print(name, sum(p.numel() for p in m.parameters()))
        """;

    private static readonly Lazy<Dictionary<string, long>> PyTorchCounts = new(() =>
        PythonTorch.Run(Script).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));

    private readonly ITestOutputHelper output;

    public ArchitectureParityTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<string> Architectures => new() { "LeNet5", "Vgg11Bn", "InceptionBlock", "MobileNetV2Block", "SymbolicDownsampler" };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Parameter_count_equals_PyTorchs_and_one_training_step_runs(string name)
    {
        torch.manual_seed(31);
        var (model, info, step) = Create(name);
        using var module = model;

        long generated = module.parameters().Sum(p => p.numel());
        output.WriteLine($"{name}: {generated:N0} parameters (DSL {info.TrainableParameters:N0}, PyTorch {PyTorchCounts.Value[name]:N0})");
        Assert.Equal(PyTorchCounts.Value[name], generated);
        Assert.Equal(info.TrainableParameters, generated);   // BatchNorm running statistics are buffers: non-trainable, not parameters

        var before = module.parameters().Select(p => p.detach().clone()).ToList();
        using var optimizer = torch.optim.Adam(module.parameters(), 1e-3);
        optimizer.zero_grad();
        using (var loss = step())
        {
            Assert.True(float.IsFinite(loss.item<float>()));
            loss.backward();
        }

        optimizer.step();
        Assert.All(module.parameters().Zip(before), pair => Assert.False(pair.First.equal(pair.Second).all().item<bool>(), "every parameter moves in one step"));
        foreach (var tensor in before)
        {
            tensor.Dispose();
        }
    }

    private static (torch.nn.Module Model, Dsl.Metadata.ModelInfo Info, Func<torch.Tensor> Step) Create(string name)
    {
        switch (name)
        {
            case "LeNet5":
            {
                var model = new LeNet5();
                return (model, LeNet5.Info, () => Classify(model.Forward(torch.randn(4, 1, 28, 28)).Logits));
            }

            case "Vgg11Bn":
            {
                var model = new Vgg11Bn();
                return (model, Vgg11Bn.Info, () => Classify(model.Forward(torch.randn(4, 3, 32, 32)).Logits));
            }

            case "InceptionBlock":
            {
                var model = new InceptionBlock();
                return (model, InceptionBlock.Info, () => model.Forward(torch.randn(2, 192, 28, 28)).Y.square().mean());
            }

            case "MobileNetV2Block":
            {
                var model = new MobileNetV2Block();
                return (model, MobileNetV2Block.Info, () => model.Forward(torch.randn(2, 16, 14, 14)).Y.square().mean());
            }

            default:
            {
                var model = new SymbolicDownsampler();
                return (model, SymbolicDownsampler.Info, () => model.Forward(torch.randn(2, 3, 27, 35)).Mask.square().mean());
            }
        }
    }

    private static torch.Tensor Classify(torch.Tensor logits)
    {
        using var labels = torch.tensor(new long[] { 0, 1, 2, 3 });
        return torch.nn.functional.cross_entropy(logits, labels);
    }
}
