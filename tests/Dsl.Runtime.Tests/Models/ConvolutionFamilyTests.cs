using Dsl.Tests.Shared;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Dsl;
using Dsl.Runtime.Tests.Weights;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>A 1-D CNN over a signal [B, 1, 128]: Conv1d, BatchNorm1d over [B, C, L], pooling, a global average, a classifier.</summary>
[Model]
[PyTorchParity]
public partial class SignalCnn
{
    static void Define(Graph g)
    {
        var signal = g.Input("signal", 1, 128);
        var h = signal.Conv1d(16, 5, padding: 2).BatchNorm1d().Relu().MaxPool1d(2);           // [B, 16, 64]
        h = h.Conv1d(32, 3, padding: Padding.Same, bias: false).BatchNorm1d().Relu().AvgPool1d(2); // [B, 32, 32]
        h = h.Conv1d(32, 3, stride: 2, dilation: 2, groups: 4).Relu();                        // [B, 32, 14]
        var logits = h.GlobalAvgPool1d().Linear(10);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}

/// <summary>A small U-Net on [B, 1, 32, 32]: two pooled encoder levels, ConvTranspose2d upsampling and concatenated skips.</summary>
[Model]
[PyTorchParity]
public partial class TinyUNet
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 32, 32);
        var e1 = image.Conv2d(8, 3, padding: Padding.Same).Relu();                            // [B, 8, 32, 32]
        var e2 = e1.MaxPool2d(2).Conv2d(16, 3, padding: Padding.Same).Relu();                 // [B, 16, 16, 16]
        var bottom = e2.MaxPool2d((2, 2)).Conv2d(32, 3, padding: 1).Relu();                   // [B, 32, 8, 8]
        var u2 = bottom.ConvTranspose2d(16, 2, stride: 2);                                    // [B, 16, 16, 16]
        var d2 = Ops.Concat(1, u2, e2).Conv2d(16, 3, padding: Padding.Same).Relu();
        var u1 = d2.ConvTranspose2d(8, 4, stride: 2, padding: 1);                             // (16 - 1) 2 - 2 + 3 + 1 = 32
        var d1 = Ops.Concat(1, u1, e1).Conv2d(8, (3, 5), padding: (1, 2)).Relu();
        var mask = d1.Conv2d(1, 1);
        g.Output("mask", mask);
        g.Loss("target", mask, Loss.BinaryCrossEntropyWithLogits());
    }
}

/// <summary>A DCGAN generator: a [B, 100] code to a [B, 1, 28, 28] image through transposed convolutions.</summary>
[Model]
[PyTorchParity]
public partial class DcganGenerator
{
    static void Define(Graph g)
    {
        var code = g.Input("code", 100);
        var h = code.Linear(64 * 7 * 7, bias: false).Reshape(64, 7, 7).BatchNorm2d().Relu();
        h = h.ConvTranspose2d(32, 4, stride: 2, padding: 1, bias: false).BatchNorm2d().Relu();  // [B, 32, 14, 14]
        var image = h.ConvTranspose2d(1, 4, stride: 2, padding: 1).Tanh();                     // [B, 1, 28, 28]
        g.Output("image", image);
        g.Loss("real", image, Loss.Mse());
    }
}

/// <summary>A DCGAN discriminator: strided convolutions with LeakyRelu to one [B, 1] logit.</summary>
[Model]
[PyTorchParity]
public partial class DcganDiscriminator
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 28, 28);
        var h = image.Conv2d(32, 4, stride: 2, padding: 1).LeakyRelu(0.2);                   // [B, 32, 14, 14]
        h = h.Conv2d(64, 4, stride: 2, padding: 1, bias: false).BatchNorm2d().LeakyRelu(0.2); // [B, 64, 7, 7]
        var logit = h.Flatten().Linear(1);
        g.Output("logit", logit);
        g.Loss("isReal", logit, Loss.BinaryCrossEntropyWithLogits());
    }
}

/// <summary>Bilinear upsampling and adaptive average pooling of one [1, 5, 7] map, to compare with PyTorch's values.</summary>
[Model]
[PyTorchParity]
public partial class Resampler
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 1, 5, 7);
        g.Output("up", x.UpSample2d(2, mode: UpSampleMode.Bilinear));
        g.Output("pooled", x.AdaptiveAvgPool2d(2, 3));
    }
}

/// <summary>A strided Conv1d and a ConvTranspose1d over a symbolic length T: [B, 4, 2 ((T + 1) / 2) - 1] as inferred.</summary>
[Model]
[PyTorchParity]
public partial class SymbolicUpsampler
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 4, Dim.Of("T")).Conv1d(8, 3, stride: 2).ConvTranspose1d(4, 3, stride: 2));
}

/// <summary>ZeroPad2d then Cropping2d of the same amounts, and Dropout2d over the cropped maps.</summary>
[Model]
[PyTorchParity]
public partial class PadCropDrop
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 16, 5, 6);
        var padded = x.ZeroPad2d((1, 2, 3, 4));
        var cropped = padded.Cropping2d((1, 2, 3, 4));
        g.Output("padded", padded);
        g.Output("cropped", cropped);
        g.Output("dropped", cropped.Dropout2d(0.5));
    }
}

/// <summary>
/// The zoo runs in PyTorch parity too. Its mark sits on this part of the class: the generator tests' snapshot compiles
/// ConvolutionZoo.cs alone, where the test-only attribute does not exist.
/// </summary>
[PyTorchParity]
public partial class ConvolutionZoo
{
}

/// <summary>
/// The convolution family end to end: the generated modules have PyTorch's parameter counts (the same nets built
/// by python3-torch), and each runs forward, backward and one optimizer step that changes its weights.
/// </summary>
public sealed class ConvolutionFamilyTests
{
    // The same four nets in PyTorch; prints their trainable parameter counts as JSON.
    private const string Script = """
        import json
        import torch.nn as nn
        cnn = nn.Sequential(
            nn.Conv1d(1, 16, 5, padding=2), nn.BatchNorm1d(16), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(16, 32, 3, padding=1, bias=False), nn.BatchNorm1d(32), nn.ReLU(), nn.AvgPool1d(2),
            nn.Conv1d(32, 32, 3, stride=2, dilation=2, groups=4), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(32, 10))
        unet = nn.ModuleList([
            nn.Conv2d(1, 8, 3, padding=1), nn.Conv2d(8, 16, 3, padding=1), nn.Conv2d(16, 32, 3, padding=1),
            nn.ConvTranspose2d(32, 16, 2, stride=2), nn.Conv2d(32, 16, 3, padding=1),
            nn.ConvTranspose2d(16, 8, 4, stride=2, padding=1), nn.Conv2d(16, 8, (3, 5), padding=(1, 2)), nn.Conv2d(8, 1, 1)])
        generator = nn.Sequential(
            nn.Linear(100, 64 * 7 * 7, bias=False), nn.Unflatten(1, (64, 7, 7)), nn.BatchNorm2d(64), nn.ReLU(),
            nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
            nn.ConvTranspose2d(32, 1, 4, stride=2, padding=1), nn.Tanh())
        discriminator = nn.Sequential(
            nn.Conv2d(1, 32, 4, stride=2, padding=1), nn.LeakyReLU(0.2),
            nn.Conv2d(32, 64, 4, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.LeakyReLU(0.2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 1))
        zoo = nn.ModuleList([
            nn.Conv2d(3, 8, (3, 5), stride=(1, 2), padding=(1, 2)), nn.GroupNorm(2, 8), nn.Conv2d(8, 8, 4, stride=2, padding=1),
            nn.InstanceNorm2d(8, affine=True), nn.ConvTranspose2d(8, 8, (4, 3), stride=2, padding=1, output_padding=(0, 1)),
            nn.Conv1d(2, 4, 3, padding=2, dilation=2), nn.BatchNorm1d(4), nn.ConvTranspose1d(4, 4, 3, stride=2, padding=1, output_padding=1),
            nn.Conv3d(1, 2, (1, 3, 3), padding=(0, 1, 1)), nn.BatchNorm3d(2), nn.Conv3d(2, 2, 3, stride=2), nn.Linear(38, 3)])
        # The zoo's forward in PyTorch: the sizes the DSL inferred must be PyTorch's (the final Linear takes 38 features).
        import torch
        import torch.nn.functional as F
        m = zoo
        a = F.relu(m[1](m[0](torch.randn(2, 3, 32, 32))))
        b = F.dropout2d(m[3](m[2](a)), 0.1)
        c = m[4](b)
        d = F.max_pool2d(F.pad(torch.cat([a, c], 1), (0, 0, 1, 1))[:, :, 1:-1, :], (2, 1))
        e = F.adaptive_avg_pool2d(F.interpolate(d, scale_factor=2, mode="bilinear", align_corners=False), (4, 2)).amax((2, 3))
        s = F.max_pool1d(m[6](m[5](torch.randn(2, 2, 64))), 3, stride=2, ceil_mode=True)
        assert m[7](s).shape[2] == 64  # Same: in x stride
        s = F.avg_pool1d(m[7](s), 2).mean(2)
        v = m[10](m[9](m[8](torch.randn(2, 1, 4, 8, 8)))).flatten(1)
        assert tuple(m[11](torch.cat([e, s, v], 1)).shape) == (2, 3)
        count = lambda m: sum(p.numel() for p in m.parameters())
        print(json.dumps({"SignalCnn": count(cnn), "TinyUNet": count(unet), "DcganGenerator": count(generator), "DcganDiscriminator": count(discriminator), "ConvolutionZoo": count(zoo)}))
        """;

    [Fact]
    public void Parameter_counts_equal_PyTorch()
    {
        var torchCounts = JsonSerializer.Deserialize<Dictionary<string, long>>(PythonTorch.Run(Script))!;

        var ours = new Dictionary<string, (long Info, long Module)>
        {
            ["SignalCnn"] = (SignalCnn.Info.TrainableParameters, Count(new SignalCnn())),
            ["TinyUNet"] = (TinyUNet.Info.TrainableParameters, Count(new TinyUNet())),
            ["DcganGenerator"] = (DcganGenerator.Info.TrainableParameters, Count(new DcganGenerator())),
            ["DcganDiscriminator"] = (DcganDiscriminator.Info.TrainableParameters, Count(new DcganDiscriminator())),
            ["ConvolutionZoo"] = (ConvolutionZoo.Info.TrainableParameters, Count(new ConvolutionZoo())),
        };

        foreach (var (name, (info, module)) in ours)
        {
            Assert.True(torchCounts[name] == info, $"{name}: the DSL counts {info} parameters, PyTorch {torchCounts[name]}");
            Assert.True(torchCounts[name] == module, $"{name}: the TorchSharp module holds {module} parameters, PyTorch {torchCounts[name]}");
        }
    }

    [Fact]
    public void Bilinear_upsampling_and_adaptive_pooling_give_PyTorch_s_values()
    {
        const string script = """
            import json, torch
            import torch.nn.functional as F
            x = torch.arange(35.0).reshape(1, 1, 5, 7) ** 1.5
            up = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
            pooled = F.adaptive_avg_pool2d(x, (2, 3))
            print(json.dumps({"up": up.flatten().tolist(), "pooled": pooled.flatten().tolist()}))
            """;
        var expected = JsonSerializer.Deserialize<Dictionary<string, double[]>>(PythonTorch.Run(script))!;
        using var model = new Resampler();
        using var x = torch.arange(35.0f).reshape(1, 1, 5, 7).pow(1.5);

        using var outputs = model.Forward(x);

        Assert.Equal(new long[] { 1, 1, 10, 14 }, outputs.Up.shape);
        Assert.Equal(new long[] { 1, 1, 2, 3 }, outputs.Pooled.shape);
        AssertClose(expected["up"], outputs.Up.flatten().data<float>().ToArray());
        AssertClose(expected["pooled"], outputs.Pooled.flatten().data<float>().ToArray());
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-3 * Math.Max(1, Math.Abs(expected[i])), $"element {i}: PyTorch {expected[i]}, ours {actual[i]}");
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(31)]
    public void A_symbolic_length_comes_out_as_inferred(int length)
    {
        using var model = new SymbolicUpsampler();
        using var x = torch.randn(2, 4, length);

        using var y = model.Forward(x);

        Assert.Equal("[B, 4, 2*((T + 1) / 2) - 1]", SymbolicUpsampler.Info.Outputs.Single().Shape);
        Assert.Equal(new long[] { 2, 4, (2 * ((length + 1) / 2)) - 1 }, y.Y.shape);
    }

    [Fact]
    public void The_1d_cnn_trains_one_step()
    {
        torch.manual_seed(11);
        using var model = new SignalCnn();
        using var signal = torch.randn(6, 1, 128);
        using var label = torch.randint(0, 10, new long[] { 6 }, dtype: torch.int64);

        Step(model, () =>
        {
            var outputs = model.forward(new SignalCnn.Inputs(signal));
            Assert.Equal(new long[] { 6, 10 }, outputs.Logits.shape);
            return model.ComputeLoss(outputs, new SignalCnn.Targets(label)).Total;
        });
    }

    [Fact]
    public void The_unet_trains_one_step()
    {
        torch.manual_seed(12);
        using var model = new TinyUNet();
        using var image = torch.randn(2, 1, 32, 32);
        using var target = torch.rand(2, 1, 32, 32).gt(0.5).to_type(torch.float32);

        Step(model, () =>
        {
            var outputs = model.forward(new TinyUNet.Inputs(image));
            Assert.Equal(new long[] { 2, 1, 32, 32 }, outputs.Mask.shape);
            return model.ComputeLoss(outputs, new TinyUNet.Targets(target)).Total;
        });
    }

    [Fact]
    public void The_dcgan_pair_trains_one_step()
    {
        torch.manual_seed(13);
        using var generator = new DcganGenerator();
        using var discriminator = new DcganDiscriminator();
        using var code = torch.randn(4, 100);
        using var real = torch.rand(4, 1, 28, 28) * 2 - 1;

        Step(generator, () =>
        {
            var outputs = generator.forward(new DcganGenerator.Inputs(code));
            Assert.Equal(new long[] { 4, 1, 28, 28 }, outputs.Image.shape);
            Assert.True(outputs.Image.abs().max().item<float>() <= 1, "Tanh bounds the image");
            return generator.ComputeLoss(outputs, new DcganGenerator.Targets(real)).Total;
        });

        using var isReal = torch.ones(4, 1);
        Step(discriminator, () =>
        {
            var outputs = discriminator.forward(new DcganDiscriminator.Inputs(real));
            Assert.Equal(new long[] { 4, 1 }, outputs.Logit.shape);
            return discriminator.ComputeLoss(outputs, new DcganDiscriminator.Targets(isReal)).Total;
        });
    }

    [Fact]
    public void The_zoo_of_the_remaining_ops_trains_one_step()
    {
        torch.manual_seed(14);
        using var model = new ConvolutionZoo();
        using var image = torch.randn(3, 3, 32, 32);
        using var signal = torch.randn(3, 2, 64);
        using var volume = torch.randn(new long[] { 3, 1, 4, 8, 8 });
        using var target = torch.randn(3, 3);

        Step(model, () =>
        {
            var outputs = model.forward(new ConvolutionZoo.Inputs(image, signal, volume));
            Assert.Equal(new long[] { 3, 3 }, outputs.Y.shape);
            return model.ComputeLoss(outputs, new ConvolutionZoo.Targets(target)).Total;
        });
    }

    [Fact]
    public void Cropping_undoes_zero_padding_and_channel_dropout_zeroes_whole_channels()
    {
        torch.manual_seed(15);
        using var model = new PadCropDrop();
        using var x = torch.randn(4, 16, 5, 6) + 10;
        model.train();

        using var outputs = model.forward(new PadCropDrop.Inputs(x));

        Assert.Equal(new long[] { 4, 16, 8, 13 }, outputs.Padded.shape);
        Assert.Equal(0, outputs.Padded[.., .., 0, ..].abs().sum().item<float>());
        Assert.True(outputs.Cropped.allclose(x), "cropping the padding returns the input");
        // Channel dropout: each [5, 6] map is either all zero or all kept (scaled by 1 / (1 - p)).
        using var zeroed = outputs.Dropped.abs().sum(new long[] { 2, 3 }).eq(0);
        long dropped = zeroed.sum().item<long>();
        Assert.InRange(dropped, 1, (4 * 16) - 1);
        using var kept = outputs.Dropped.masked_select(outputs.Dropped.ne(0));
        Assert.Equal(kept.numel(), ((4 * 16) - dropped) * 30);
    }

    [Fact]
    public void GroupNorm_starts_as_PyTorch_s_identity_scale_and_normalizes_each_group()
    {
        torch.manual_seed(16);
        using var model = new ConvolutionZoo();
        var norm = model.named_parameters().Where(p => p.name.StartsWith("group_norm", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, norm.Count);
        Assert.All(norm, p => Assert.Equal(p.name.EndsWith("weight", StringComparison.Ordinal) ? 1f : 0f, p.parameter.mean().item<float>()));
        Assert.All(norm, p => Assert.Equal(0f, p.parameter.std().item<float>()));
    }

    private static long Count(torch.nn.Module module)
    {
        using (module)
        {
            return module.parameters().Sum(p => p.numel());
        }
    }

    /// <summary>Forward, backward and one Adam step: the loss is finite, every parameter has a gradient, and every parameter with a gradient moves.</summary>
    private static void Step(torch.nn.Module model, Func<torch.Tensor> loss)
    {
        using var scope = torch.NewDisposeScope();
        model.train();
        var parameters = model.parameters().ToList();
        var before = parameters.Select(p => p.detach().clone()).ToList();
        using var optimizer = torch.optim.Adam(parameters, lr: 0.01);

        optimizer.zero_grad();
        var total = loss();
        Assert.True(float.IsFinite(total.item<float>()), "the loss is finite");
        total.backward();
        Assert.All(parameters, p => Assert.NotNull(p.grad));
        optimizer.step();

        var learning = parameters.Zip(before).Where(pair => pair.First.grad!.abs().max().item<float>() > 0).ToList();
        Assert.True(learning.Count > parameters.Count / 2, $"only {learning.Count} of {parameters.Count} parameters have a gradient");
        Assert.All(learning, pair => Assert.True((pair.First.detach() - pair.Second).abs().max().item<float>() > 0, "one step changes every parameter with a gradient"));
    }
}
