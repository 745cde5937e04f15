using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Runtime.Tests.Weights;
using Dsl.Tests.Shared;
using Dsl.Training;
using Dsl.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// <see cref="VisionTransformer"/> against a ViT written independently in PyTorch 1.13 the way the reference code reads
/// (<c>nn.Parameter</c> [CLS] token and position table, <c>torch.cat((cls_tokens, x), dim=1)</c>): the same parameter
/// count, the C# state dict loads into it strictly by name, and both compute the same logits and loss; one
/// <see cref="Trainer"/> step trains every parameter, the [CLS] token and the position table included.
/// (PyTorchParityTests compares the generated PyTorch module; the ONNX tests run it in ONNX Runtime.)
/// </summary>
public sealed class VisionTransformerTests
{
    private const double Tolerance = 1e-5;

    /// <summary>The ViT of the reference code, named so that its state dict has the DSL model's keys.</summary>
    private const string Script = """
import os, sys, importlib.util, torch, torch.nn as nn, torch.nn.functional as F
folder = sys.argv[1]
spec = importlib.util.spec_from_file_location("model", os.path.join(folder, "model.py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)   # only for its safetensors reader and writer

class ViT(nn.Module):
    def __init__(self, image=16, patch=4, dim=32, depth=2, heads=4, mlp=128, classes=10):
        super().__init__()
        n = (image // patch) ** 2
        self.depth = depth
        self.patch_embed = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embedding = nn.Parameter(torch.randn(1, n + 1, dim) * .02)
        for i in range(depth):
            setattr(self, f"block{i}_norm1", nn.LayerNorm(dim))
            setattr(self, f"block{i}_attn", nn.MultiheadAttention(dim, heads, batch_first=True))
            setattr(self, f"block{i}_norm2", nn.LayerNorm(dim))
            setattr(self, f"block{i}_fc1", nn.Linear(dim, mlp))
            setattr(self, f"block{i}_fc2", nn.Linear(mlp, dim))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, classes)

    def forward(self, img):
        x = self.patch_embed(img).flatten(2).transpose(1, 2)          # b, n, dim
        cls_tokens = self.cls_token.expand(x.shape[0], -1, -1)
        x = torch.cat((cls_tokens, x), dim=1) + self.pos_embedding
        for i in range(self.depth):
            h = getattr(self, f"block{i}_norm1")(x)
            x = x + getattr(self, f"block{i}_attn")(h, h, h, need_weights=False)[0]
            h = getattr(self, f"block{i}_norm2")(x)
            x = x + getattr(self, f"block{i}_fc2")(F.gelu(getattr(self, f"block{i}_fc1")(h)))
        return self.head(self.norm(x)[:, 0])

net = ViT()
print(sum(p.numel() for p in net.parameters()))
net.load_state_dict(m.load_safetensors(os.path.join(folder, "weights.safetensors")), strict=True)
net.eval()
batch = m.load_safetensors(os.path.join(folder, "batch.safetensors"))
with torch.no_grad():
    logits = net(batch["image"])
    loss = F.cross_entropy(logits, batch["label"])
m.save_safetensors({"logits": logits, "loss": loss}, os.path.join(folder, "pytorch.safetensors"))
""";

    private readonly ITestOutputHelper output;

    public VisionTransformerTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void A_vit_written_as_the_reference_code_has_its_parameters_and_computes_what_it_computes()
    {
        using var folder = new WeightTestSupport.TempDir();
        File.WriteAllText(folder.File("model.py"), VisionTransformer.PyTorchSource);
        torch.manual_seed(41);
        using var model = new VisionTransformer();
        model.eval();
        var batch = Batch(seed: 3, size: 4);
        WeightFile.Write(folder.File("batch.safetensors"), batch);
        model.SaveWeights(folder.File("weights.safetensors"));

        long parameters = model.parameters().Sum(p => p.numel());
        string printed = PythonTorch.Run(Script, folder.Path);
        long reference = long.Parse(printed.Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(reference, parameters);
        Assert.Equal(VisionTransformer.Info.TrainableParameters, parameters);
        Assert.Contains("cls_token", model.state_dict().Keys);
        Assert.Contains("pos_embedding", model.state_dict().Keys);
        string summary = VisionTransformer.Info.Summary();
        Assert.Contains("cls_token", summary);
        Assert.Contains("[1, 17, 32]", summary);
        Assert.Contains("pos_embedding", VisionTransformer.Info.ToDot());

        using var _ = torch.no_grad();
        var logits = model.Forward(batch["image"]).Logits;
        var loss = nn.functional.cross_entropy(logits, batch["label"]);
        using var theirs = WeightFile.Read(folder.File("pytorch.safetensors"));
        double logitError = Error(logits, theirs["logits"]);
        double lossError = Error(loss, theirs["loss"]);
        output.WriteLine(FormattableString.Invariant($"VisionTransformer: {parameters:N0} parameters (PyTorch reference {reference:N0}); logits differ by {logitError:E2}, the loss by {lossError:E2} (relative)"));
        Assert.True(logitError <= Tolerance, $"logits differ by {logitError:E2}");
        Assert.True(lossError <= Tolerance, $"loss differs by {lossError:E2}");
    }

    [Fact]
    public void One_trainer_step_moves_every_parameter_the_cls_token_and_positions_included()
    {
        torch.manual_seed(43);
        using var model = new VisionTransformer();
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        using var data = new TensorDataset(Batch(seed: 5, size: 8));
        var history = Trainer.Fit(model, data, null, new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 7, Optimizer = OptimizerSpec.Adam(lr: 1e-3) });

        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.True(double.IsFinite(history.Epochs[0].Train.Total));
        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.False(parameter.detach().equal(before[name]).all().item<bool>(), $"{name} did not move in one step");
        }
    }

    /// <summary>Random 3x16x16 images and labels below 10.</summary>
    private static Dictionary<string, Tensor> Batch(int seed, int size)
    {
        var generator = new Generator((ulong)seed);
        return new Dictionary<string, Tensor>
        {
            ["image"] = randn(new long[] { size, 3, 16, 16 }, generator: generator),
            ["label"] = randint(0, 10, new long[] { size }, dtype: ScalarType.Int64, generator: generator),
        };
    }

    /// <summary>max |a - b| relative to the larger of 1 and the reference's largest magnitude.</summary>
    private static double Error(Tensor ours, Tensor reference)
    {
        Assert.Equal(reference.shape, ours.shape);
        double scale = Math.Max(1, reference.abs().max().item<float>());
        return (ours.to_type(ScalarType.Float64) - reference.to_type(ScalarType.Float64)).abs().max().item<double>() / scale;
    }
}
