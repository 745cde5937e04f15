using System.Linq;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Tests.Shared;
using Dsl.Weights;
using TorchSharp;

namespace Dsl.Runtime.Tests.Weights;

/// <summary>
/// torchvision's ResNet-18 written naturally in the DSL: a helper builds the basic block, a loop the stages, and the
/// layers take torchvision's hierarchical names (<c>layer1.0.conv1</c>, <c>layer2.0.downsample.0</c>), so its
/// state dict loads by name with no renaming.
/// </summary>
[Model]
public partial class TorchvisionResNet18
{
    static Node BasicBlock(Node x, int planes, int stride, string name)
    {
        var y = x.Conv2d(planes, 3, stride: stride, padding: 1, bias: false, name: $"{name}.conv1")
            .BatchNorm2d(name: $"{name}.bn1").Relu()
            .Conv2d(planes, 3, padding: 1, bias: false, name: $"{name}.conv2")
            .BatchNorm2d(name: $"{name}.bn2");
        var shortcut = stride != 1 || x.Size(1) != planes
            ? x.Conv2d(planes, 1, stride: stride, bias: false, name: $"{name}.downsample.0").BatchNorm2d(name: $"{name}.downsample.1")
            : x;
        return (y + shortcut).Relu();
    }

    static void Define(Graph g)
    {
        var x = g.Input("image", 3, 64, 64)
            .Conv2d(64, 7, stride: 2, padding: 3, bias: false, name: "conv1").BatchNorm2d(name: "bn1").Relu()
            .MaxPool2d(3, stride: 2, padding: 1);
        int[] widths = { 64, 128, 256, 512 };
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < 2; block++)
            {
                x = BasicBlock(x, widths[stage], stage > 0 && block == 0 ? 2 : 1, $"layer{stage + 1}.{block}");
            }
        }

        g.Output("logits", x.GlobalAvgPool2d().Linear(10, name: "fc"));
    }
}

public sealed class TorchvisionResNetTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public TorchvisionResNetTests(Xunit.Abstractions.ITestOutputHelper output) => this.output = output;

    /// <summary>torchvision's resnet18 (random weights, batch-norm statistics drawn away from their defaults), its state dict and one batch's logits in eval mode.</summary>
    private const string Script = """
import sys, torch, torchvision
torch.manual_seed(0)
model = torchvision.models.resnet18(num_classes=10)
with torch.no_grad():
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.2, 0.2)
            module.running_var.uniform_(0.5, 1.5)
            module.weight.uniform_(0.5, 1.5)
            module.bias.uniform_(-0.2, 0.2)
model.eval()
torch.save(model.state_dict(), sys.argv[1])
image = torch.rand(2, 3, 64, 64)
with torch.no_grad():
    logits = model(image)
torch.save({"image": image, "logits": logits}, sys.argv[2])
print(sum(p.numel() for p in model.parameters()))
""";

    [Fact]
    public void Torchvisions_resnet18_state_dict_loads_strictly_by_name_and_gives_its_logits()
    {
        using var folder = new TempDirectory();
        string weights = folder.File("resnet18.pth");
        string io = folder.File("io.pt");
        string parameters = PythonTorch.Run(Script, weights, io).Trim();

        using var model = new TorchvisionResNet18();
        Assert.Equal(long.Parse(parameters, System.Globalization.CultureInfo.InvariantCulture), model.parameters().Sum(p => p.numel()));
        Assert.Contains("layer2.0.downsample.0.weight", model.state_dict().Keys);
        var report = model.LoadWeights(weights, strict: true);
        Assert.True(report.IsExactMatch, report.ToString());

        using var file = WeightFile.Read(io);
        model.eval();
        using var outputs = model.Forward(file["image"]);
        float difference = (outputs.Logits - file["logits"]).abs().max().item<float>();
        output.WriteLine($"TorchSharp vs torchvision resnet18 logits: max |difference| {difference:E2} (largest |logit| {file["logits"].abs().max().item<float>():E2})");
        Assert.True(difference <= 1e-5f, $"the logits differ from torchvision's by up to {difference}");
    }

    /// <summary>The PyTorch export keeps the dotted names: torchvision's state dict loads strictly into it, and it gives torchvision's logits.</summary>
    private const string ExportScript = """
import sys, torch
scope = {}
exec(compile(open(sys.argv[1]).read(), "model.py", "exec"), scope)
model = scope["MODEL"]()
model.load_state_dict(torch.load(sys.argv[2]), strict=True)
model.eval()
io = torch.load(sys.argv[3])
with torch.no_grad():
    logits = model(io["image"])["logits"]
print(f"{(logits - io['logits']).abs().max().item():.3e}")
""";

    [Fact]
    public void The_pytorch_export_keeps_the_dotted_names_so_torchvisions_state_dict_loads_into_it()
    {
        using var folder = new TempDirectory();
        string weights = folder.File("resnet18.pth");
        string io = folder.File("io.pt");
        string source = folder.File("model.py");
        PythonTorch.Run(Script, weights, io);
        System.IO.File.WriteAllText(source, TorchvisionResNet18.PyTorchSource);

        double difference = double.Parse(PythonTorch.Run(ExportScript, source, weights, io).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"PyTorch export vs torchvision resnet18 logits: max |difference| {difference:E2}");
        Assert.True(difference <= 1e-5, $"the exported module's logits differ from torchvision's by up to {difference}");
    }
}
