using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Dsl.Generator.Shapes;
using Dsl.Tests.Shared;

namespace Dsl.Generator.Tests.Emit;

/// <summary>
/// The PyTorch export checked by what it does, not by its text: the generated Python runs in Debian's python3-torch.
/// Strides, kernels and paddings given per axis (non-square inputs, so a swap of two axes changes the result) must
/// give every output the shape the generator inferred; and <c>compute_loss</c> must return each term unweighted, as
/// PyTorch's own loss functions compute it, and a total that applies each declared weight exactly once.
/// </summary>
public class PyTorchExportBehaviourTests
{
    /// <summary>Imports the exported file, runs MODEL on seeded inputs and reports shapes, loss terms and independent terms as JSON.</summary>
    private const string Script = """
import importlib.util, json, sys, torch
import torch.nn.functional as F
spec = importlib.util.spec_from_file_location("model", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
net = m.MODEL()
net.eval()
shapes = json.loads(sys.argv[2])
torch.manual_seed(3)
inputs = [torch.randn(*shapes[name]) for name in net.input_names]
report = {}
with torch.no_grad():
    outputs = net(*inputs)
    report["shapes"] = {name: list(value.shape) for name, value in outputs.items()}
    if hasattr(net, "compute_loss"):
        targets = {name: torch.randn_like(outputs[json.loads(sys.argv[3])[name]]) for name in net.target_names}
        total, terms = net.compute_loss(outputs, targets)
        report["total"] = total.item()
        report["terms"] = {name: value.item() for name, value in terms.items()}
        report["expected"] = {
            "squared": F.mse_loss(outputs["a"], targets["squared"]).item(),
            "absolute": F.l1_loss(outputs["b"], targets["absolute"]).item(),
            "plain": F.mse_loss(outputs["a"], targets["plain"]).item(),
            "energy": outputs["e"].mean().item(),
        }
print(json.dumps(report))
""";

    private static JsonElement RunExported(GeneratorRun run, string className, Dictionary<string, int[]> inputs, Dictionary<string, string>? targetOutputs = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dsl-pytorch-behaviour-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string file = Path.Combine(folder, "model.py");
            File.WriteAllText(file, run.PyTorchSource(className));
            string printed = PythonTorch.Run(Script, file, JsonSerializer.Serialize(inputs), JsonSerializer.Serialize(targetOutputs ?? new Dictionary<string, string>()));
            return JsonDocument.Parse(printed.Trim().Split('\n').Last()).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Per_axis_strides_kernels_and_paddings_give_the_shapes_the_generator_inferred()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Strided
            {
                static void Define(Graph g)
                {
                    var image = g.Input("image", 3, 12, 20);
                    var volume = g.Input("volume", 2, 6, 8, 12);
                    g.Output("wide", image.Conv2d(4, (3, 5), stride: (1, 2)));
                    g.Output("tall", image.Conv2d(4, (3, 3), stride: (2, 1), padding: (1, 0)));
                    g.Output("dilated", image.Conv2d(4, (3, 3), stride: (1, 3), dilation: (2, 1)));
                    g.Output("same", image.Conv2d(4, (3, 3), stride: (1, 2), padding: Padding.Same));
                    g.Output("transposed", image.ConvTranspose2d(4, (2, 3), stride: (1, 2), outputPadding: (0, 1)));
                    g.Output("max_pool", image.MaxPool2d((2, 4)));
                    g.Output("avg_pool", image.AvgPool2d((3, 2), stride: (1, 2)));
                    g.Output("cube", volume.Conv3d(2, (1, 2, 3), stride: (1, 2, 3)));
                }
            }
            """);
        Assert.Equal("", run.DslDiagnostics);
        var spec = Assert.Single(run.Specs);
        var model = ShapeInference.Analyze(spec);
        const int Batch = 2;

        var report = RunExported(run, "Strided", new() { ["image"] = new[] { Batch, 3, 12, 20 }, ["volume"] = new[] { Batch, 2, 6, 8, 12 } });

        var shapes = report.GetProperty("shapes");
        Assert.Equal(8, shapes.EnumerateObject().Count());
        foreach (var output in spec.Outputs)
        {
            string expected = model.TypeOf(output.Node).ShapeText.Replace("B", Batch.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            string actual = "[" + string.Join(", ", shapes.GetProperty(output.Name).EnumerateArray().Select(d => d.GetInt32())) + "]";
            Assert.True(expected == actual, $"output '{output.Name}': the generator inferred {expected}, the exported PyTorch module gives {actual}");
        }
    }

    [Fact]
    public void Compute_loss_returns_unweighted_terms_and_applies_each_weight_once_in_the_total()
    {
        var weights = new Dictionary<string, double> { ["squared"] = 0.25, ["absolute"] = 3.0, ["plain"] = 1.0, ["energy"] = 0.5 };
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Weighted
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 6);
                    var a = x.Linear(4, name: "head_a");
                    var b = x.Linear(3, name: "head_b");
                    var e = x.Linear(2, name: "head_e");
                    g.Output("a", a);
                    g.Output("b", b);
                    g.Output("e", e);
                    g.Loss("squared", a, Loss.Mse(), weight: 0.25);
                    g.Loss("absolute", b, Loss.Mae(), weight: 3.0);
                    g.Loss("plain", a, Loss.Mse());
                    g.Minimize("energy", e, weight: 0.5);
                }
            }
            """);
        Assert.Equal("", run.DslDiagnostics);

        var report = RunExported(
            run,
            "Weighted",
            new() { ["x"] = new[] { 5, 6 } },
            new() { ["squared"] = "a", ["absolute"] = "b", ["plain"] = "a" });

        var terms = report.GetProperty("terms");
        var expected = report.GetProperty("expected");
        Assert.Equal(weights.Keys.Order(StringComparer.Ordinal), terms.EnumerateObject().Select(t => t.Name).Order(StringComparer.Ordinal));
        double total = 0;
        foreach (var (name, weight) in weights)
        {
            double term = terms.GetProperty(name).GetDouble();
            double reference = expected.GetProperty(name).GetDouble();
            Assert.True(Math.Abs(term - reference) <= 1e-5 * Math.Max(1, Math.Abs(reference)), $"term '{name}' is {term}, PyTorch's own loss gives {reference} (terms are unweighted)");
            total += weight * reference;
        }

        double actual = report.GetProperty("total").GetDouble();
        Assert.True(Math.Abs(actual - total) <= 1e-5 * Math.Max(1, Math.Abs(total)), $"total is {actual}, but each weight applied once gives {total}");
    }
}
