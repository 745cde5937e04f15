using System;
using System.IO;
using System.Linq;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Tests.Shared;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>PyTorch <c>.pth</c> state dicts, written by real PyTorch, load by name into generated modules and compute what PyTorch computes.</summary>
public sealed class PyTorchWeightsTests
{
    /// <summary>Seed 000's classifier in PyTorch with the generated module's state-dict names; saves its weights, an input and its output.</summary>
    private const string DigitClassifierScript = """
import sys, torch, torch.nn as nn, torch.nn.functional as F
class DigitClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Conv2d(1, 32, 3)
        self.layer2 = nn.Conv2d(32, 64, 3)
        self.layer3 = nn.Linear(9216, 128)
        self.layer4 = nn.Linear(128, 10)
    def forward(self, x):
        x = F.max_pool2d(F.relu(self.layer2(F.relu(self.layer1(x)))), 2)
        return self.layer4(F.relu(self.layer3(torch.flatten(x, 1))))
torch.manual_seed(7)
model = DigitClassifier().eval()
torch.save(model.state_dict(), sys.argv[1])
image = torch.rand(3, 1, 28, 28)
with torch.no_grad():
    logits = model(image)
torch.save({"image": image, "logits": logits}, sys.argv[2])
""";

    [Fact]
    public void A_pth_written_by_pytorch_loads_by_name_into_the_generated_module_and_gives_pytorchs_outputs()
    {
        using var folder = new TempDirectory();
        string weights = folder.File("digits.pth");
        string io = folder.File("io.pt");
        PythonTorch.Run(DigitClassifierScript, weights, io);

        using var model = new DigitClassifier();
        var report = model.LoadWeights(weights, strict: true);
        Assert.True(report.IsExactMatch, report.ToString());
        Assert.Equal(8, report.Loaded.Count);

        using var file = WeightFile.Read(io);
        Assert.Equal(WeightFormat.PyTorch, file.Format);
        model.eval();
        using var outputs = model.Forward(file["image"]);
        Assert.True(outputs.Logits.allclose(file["logits"], rtol: 1e-4, atol: 1e-5),
            $"TorchSharp logits differ from PyTorch's by up to {(outputs.Logits - file["logits"]).abs().max().item<float>()}");
    }

    [Fact]
    public void Weights_saved_as_pth_here_load_in_pytorch()
    {
        using var folder = new TempDirectory();
        string path = folder.File("digits.pth");
        random.manual_seed(3);
        using var model = new DigitClassifier();
        model.SaveWeights(path);
        string sums = PythonTorch.Run("import sys, torch\nd = torch.load(sys.argv[1])\nprint(';'.join(f'{k}={v.double().sum().item():.6e}' for k, v in sorted(d.items())))", path);
        string expected = string.Join(';', model.state_dict().OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => FormattableString.Invariant($"{e.Key}={e.Value.to(ScalarType.Float64).sum().item<double>():0.000000e+00}")));
        Assert.Equal(expected.Replace("e+0", "e+", StringComparison.Ordinal).Replace("e-0", "e-", StringComparison.Ordinal),
            sums.Trim().Replace("e+0", "e+", StringComparison.Ordinal).Replace("e-0", "e-", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_strict_pth_loading_reports_missing_and_converts_dtypes_like_safetensors()
    {
        using var folder = new TempDirectory();
        string path = folder.File("partial.pth");
        PythonTorch.Run("import sys, torch\ntorch.manual_seed(1)\ntorch.save({'layer4.weight': torch.rand(10, 128, dtype=torch.float64), 'layer4.bias': torch.rand(10), 'extra': torch.zeros(2)}, sys.argv[1])", path);
        using var model = new DigitClassifier();
        var report = model.LoadWeights(path);
        Assert.Equal(new[] { "layer4.bias", "layer4.weight" }, report.Loaded.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("extra", report.Unexpected);
        Assert.Contains("layer1.weight", report.Missing);
        Assert.Single(report.DTypeMismatches);
        Assert.Throws<WeightLoadException>(() => model.LoadWeights(path, strict: true));
        Assert.Throws<ArgumentException>(() => model.LoadWeights(path, byName: false));
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("truncated")]
    [InlineData("checkpoint dict")]
    public void A_malformed_pth_is_a_weight_file_exception_naming_the_file(string kind)
    {
        using var folder = new TempDirectory();
        string path = folder.File("bad.pth");
        switch (kind)
        {
            case "not a zip":
                File.WriteAllText(path, "hello");
                break;
            case "truncated":
                PythonTorch.Run("import sys, torch\ntorch.save({'w': torch.rand(100, 100)}, sys.argv[1])", path);
                byte[] bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
                break;
            default:
                PythonTorch.Run("import sys, torch\ntorch.save({'epoch': 3, 'w': torch.zeros(2)}, sys.argv[1])", path);
                break;
        }

        using var model = new DigitClassifier();
        var e = Assert.Throws<WeightFileException>(() => model.LoadWeights(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        if (kind == "checkpoint dict")
        {
            Assert.Contains("'epoch' holds a", e.Message, StringComparison.Ordinal);
        }
    }
}
