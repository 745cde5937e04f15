using System;
using System.IO;
using System.Linq;
using Dsl;
using Dsl.Weights;
using TorchSharp;

namespace Dsl.Onnx.Tests.NonFinite;

/// <summary>A small two-layer net whose weights the test poisons.</summary>
[Model]
public partial class TwoLayerNet
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 6);
        g.Output("y", x.Linear(4, name: "hidden").Relu().Linear(2, name: "head"));
    }
}

/// <summary>
/// An ONNX file with a NaN or infinite weight computes NaN in every runtime that loads it: the export refuses it,
/// names each tensor with its counts, and writes nothing.
/// </summary>
public sealed class NonFiniteExportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dsl-onnx-nonfinite-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_model_with_finite_weights_exports()
    {
        using var module = new TwoLayerNet();
        string path = Path.Combine(folder, "ok.onnx");

        module.ExportOnnx(path);

        Assert.True(new FileInfo(path).Length > 0);
    }

    [Fact]
    public void NaN_and_infinite_weights_are_refused_by_name_and_no_file_is_written()
    {
        using var module = new TwoLayerNet();
        using (torch.no_grad())
        {
            var weights = module.state_dict();
            weights["hidden.weight"][0, 1] = float.NaN;
            weights["head.bias"][1] = float.PositiveInfinity;
        }

        string path = Path.Combine(folder, "poisoned.onnx");

        var error = Assert.Throws<NonFiniteWeightsException>(() => module.ExportOnnx(path));

        Assert.Contains("ONNX export of TwoLayerNet", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "hidden.weight", "head.bias" }, error.Tensors.Select(t => t.Name).ToArray());
        Assert.Equal((1L, 0L), (error.Tensors[0].NaN, error.Tensors[0].Infinite));
        Assert.Equal((0L, 1L), (error.Tensors[1].NaN, error.Tensors[1].Infinite));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(folder));
    }
}
