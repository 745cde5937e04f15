using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Export;

/// <summary>
/// A float key padding mask (<see cref="FlaggedAttention"/>): what a padding key holds changes no output at a real
/// position, and the generated PyTorch module, given the same mask, computes the same attention.
/// </summary>
public sealed class KeyPaddingMaskTests
{
    private const string Script = PyTorchParityTests.Prelude + """
net.eval()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
with torch.no_grad():
    y = net(batch["x"], batch["padding"])["y"]
m.save_safetensors({"y": y}, os.path.join(folder, "pytorch.safetensors"))
""";

    private readonly ITestOutputHelper output;

    public KeyPaddingMaskTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Padding_keys_are_ignored_as_pytorch_ignores_them()
    {
        torch.manual_seed(23);
        using var model = new FlaggedAttention();
        model.eval();
        var x = randn(3, 6, 8);
        // Sample 0 is padded after 4 steps, sample 1 after 2 with a fractional flag, sample 2 not at all.
        var padding = tensor(new float[] { 0, 0, 0, 0, 1, 1, 0, 0, 0.5f, 1, 1, 1, 0, 0, 0, 0, 0, 0 }, new long[] { 3, 6 });
        var real = padding.eq(0).unsqueeze(2);
        var changed = where(real, x, randn(3, 6, 8) * 10);

        Tensor y, yChanged;
        using (var _ = no_grad())
        {
            y = model.Forward(x, padding).Y;
            yChanged = model.Forward(changed, padding).Y;
        }

        double leak = (y - yChanged).abs().masked_select(real.expand(-1, -1, 8)).max().item<float>();
        Assert.True(leak < 1e-6, $"what padding keys hold reached a real position: {leak:E2}");
        Assert.True((y - model.Forward(x, zeros(3, 6)).Y).abs().max().item<float>() > 1e-3, "the mask changed nothing");

        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), FlaggedAttention.PyTorchSource);
        model.SaveWeights(folder.File("weights.safetensors"));
        WeightFile.Write(folder.File("batch.safetensors"), new Dictionary<string, Tensor> { ["x"] = x, ["padding"] = padding });
        PythonTorch.Run(Script, folder.Path);
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double error = (y - theirs["y"]).abs().max().item<float>() / Math.Max(1.0, theirs["y"].abs().max().item<float>());
        output.WriteLine(FormattableString.Invariant($"FlaggedAttention: padding keys leak {leak:E2}; PyTorch differs by {error:E2}"));
        Assert.True(error <= 1e-5, $"PyTorch differs by {error:E2}");
    }
}
