using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// <see cref="TemporalConvNet"/>: causality (changing later samples leaves every earlier output bit for bit as it was,
/// and a change reaches exactly the receptive field ahead), and the parameter count and outputs of a WaveNet written
/// independently in PyTorch 1.13 with explicit left padding (<c>F.pad(x, (dilation * (k - 1), 0))</c>), loaded strictly.
/// (PyTorchParityTests compares the generated PyTorch module; the ONNX tests run it in ONNX Runtime.)
/// </summary>
public sealed class TemporalConvNetTests
{
    private const string Script = """
import os, sys, importlib.util, torch, torch.nn as nn, torch.nn.functional as F
folder = sys.argv[1]
spec = importlib.util.spec_from_file_location("model", os.path.join(folder, "model.py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)   # only for its safetensors reader and writer

class CausalConv1d(nn.Conv1d):
    def forward(self, x):
        return super().forward(F.pad(x, (self.dilation[0] * (self.kernel_size[0] - 1), 0)))

class Block(nn.Module):
    def __init__(self, dilation, last, residual=16, gated=16, skip=32):
        super().__init__()
        self.dilated = CausalConv1d(residual, 2 * gated, 2, dilation=dilation)
        self.residual = None if last else nn.Conv1d(gated, residual, 1)
        self.skip = nn.Conv1d(gated, skip, 1)

    def forward(self, x):
        filter, gate = self.dilated(x).chunk(2, dim=1)
        z = torch.tanh(filter) * torch.sigmoid(gate)
        return (x if self.residual is None else x + self.residual(z)), self.skip(z)

class WaveNet(nn.Module):
    def __init__(self, dilations=(1, 2, 4, 8)):
        super().__init__()
        self.causal = CausalConv1d(1, 16, 2)
        self.blocks = nn.ModuleList([Block(d, last=i == len(dilations) - 1) for i, d in enumerate(dilations)])
        self.head = nn.ModuleList([nn.Conv1d(32, 32, 1), nn.Conv1d(32, 1, 1)])

    def forward(self, audio):
        x, skips = self.causal(audio), 0
        for block in self.blocks:
            x, s = block(x)
            skips = skips + s
        return self.head[1](F.relu(self.head[0](F.relu(skips))))

net = WaveNet()
print(sum(p.numel() for p in net.parameters()))
net.load_state_dict(m.load_safetensors(os.path.join(folder, "weights.safetensors")), strict=True)
audio = m.load_safetensors(os.path.join(folder, "batch.safetensors"))["audio"]
with torch.no_grad():
    m.save_safetensors({"next": net(audio)}, os.path.join(folder, "pytorch.safetensors"))
""";

    private readonly ITestOutputHelper output;

    public TemporalConvNetTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Changing_later_samples_leaves_every_earlier_output_as_it_was()
    {
        torch.manual_seed(3);
        using var model = new TemporalConvNet();
        model.eval();
        using var _ = no_grad();
        const int length = 48, changed = 30;
        using var audio = randn(2, 1, length);
        using var later = audio.clone();
        later[.., .., changed..] = randn(2, 1, length - changed);

        using var before = model.Forward(audio).Next;
        using var after = model.Forward(later).Next;
        Assert.Equal(new long[] { 2, 1, length }, before.shape);
        double earlier = (before[.., .., ..changed] - after[.., .., ..changed]).abs().max().item<float>();
        double from = (before[.., .., changed..] - after[.., .., changed..]).abs().max().item<float>();
        output.WriteLine(FormattableString.Invariant($"outputs before step {changed} move by {earlier}, from it on by {from:E2}"));
        Assert.Equal(0, earlier);
        Assert.True(from > 1e-4, "the changed samples should change the outputs from their step on");
    }

    [Fact]
    public void One_changed_sample_reaches_exactly_the_receptive_field_ahead()
    {
        torch.manual_seed(4);
        using var model = new TemporalConvNet();
        model.eval();
        using var _ = no_grad();
        const int length = 40, step = 10;
        int field = 2 + TemporalConvNet.Dilations.Sum();   // the input conv's 2 taps, then dilation d per block: 17
        using var audio = randn(1, 1, length);
        using var nudged = audio.clone();
        nudged[0, 0, step] += 1.0f;

        using var moved = (model.Forward(audio).Next - model.Forward(nudged).Next).abs()[0, 0];
        var reached = Enumerable.Range(0, length).Where(t => moved[t].item<float>() > 0).ToList();
        output.WriteLine($"a change at step {step} moves outputs {reached.First()} .. {reached.Last()} (receptive field {field})");
        Assert.Equal(Enumerable.Range(step, field).ToList(), reached);
    }

    [Fact]
    public void A_wavenet_written_in_pytorch_has_its_parameters_and_computes_its_outputs()
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), TemporalConvNet.PyTorchSource);
        torch.manual_seed(9);
        using var model = new TemporalConvNet();
        model.eval();
        using var audio = randn(3, 1, 37);
        WeightFile.Write(folder.File("batch.safetensors"), new Dictionary<string, Tensor> { ["audio"] = audio });
        model.SaveWeights(folder.File("weights.safetensors"));

        long parameters = model.parameters().Sum(p => p.numel());
        long reference = long.Parse(PythonTorch.Run(Script, folder.Path).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(reference, parameters);
        Assert.Equal(TemporalConvNet.Info.TrainableParameters, parameters);

        using var _ = no_grad();
        using var ours = model.Forward(audio).Next;
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double error = (ours - theirs["next"]).abs().max().item<float>() / Math.Max(1, theirs["next"].abs().max().item<float>());
        output.WriteLine(FormattableString.Invariant($"TemporalConvNet: {parameters:N0} parameters (PyTorch {reference:N0}); outputs differ by {error:E2}"));
        Assert.True(error <= 1e-5, $"outputs differ by {error:E2}");
    }
}
