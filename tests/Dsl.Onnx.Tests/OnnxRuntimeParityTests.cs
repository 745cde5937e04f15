using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using Xunit.Abstractions;

namespace Dsl.Onnx.Tests;

/// <summary>
/// Every seed network exported to ONNX and run in ONNX Runtime computes what its TorchSharp module computes, on the
/// same random input and weights, to 1e-5 relative (the largest difference over the largest magnitude of each output).
/// </summary>
public class OnnxRuntimeParityTests
{
    private const double Tolerance = 1e-5;
    private readonly ITestOutputHelper output;

    public OnnxRuntimeParityTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<string> Models() => new(SeedModels.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Models))]
    public void Onnx_Runtime_computes_what_the_TorchSharp_module_computes(string name)
    {
        var type = SeedModels.Find(name);
        var graph = SeedModels.GraphOf(type);
        using var module = SeedModels.Create(type, seed: 7);
        var inputs = SeedModels.Inputs(graph, batch: 2, seed: 11, type);
        var expected = SeedModels.Forward(type, module, graph, inputs);
        byte[] bytes = OnnxExport.ToModel(graph, module).ToByteArray();

        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(bytes, options);
        var feeds = graph.Inputs
            .Select(i => Feed(i.Name, inputs[i.Name]))
            .ToList();
        using var results = session.Run(feeds);

        Assert.Equal(graph.Outputs.Select(o => o.Name), results.Select(r => r.Name));
        var errors = new List<string>();
        double worst = 0;
        foreach (var result in results)
        {
            var actual = result.AsTensor<float>();
            var reference = expected[result.Name];
            Assert.Equal(reference.shape, actual.Dimensions.ToArray().Select(d => (long)d).ToArray());
            float[] want = reference.contiguous().data<float>().ToArray();
            float[] got = actual.ToArray();
            double scale = Math.Max(want.Max(v => Math.Abs((double)v)), 1e-30);
            double error = want.Zip(got, (w, g) => Math.Abs((double)w - g)).Max() / scale;
            worst = Math.Max(worst, error);
            errors.Add($"{result.Name} {error:E2}");
        }

        output.WriteLine($"{name}: max relative error {worst:E2} ({string.Join(", ", errors)})");
        Console.WriteLine($"ONNX Runtime vs TorchSharp, {name}: max relative error {worst:E2}");
        Assert.True(worst <= Tolerance, $"{name}: ONNX Runtime differs from TorchSharp by {worst:E2} relative ({string.Join(", ", errors)})");
    }

    /// <summary>An input as ONNX Runtime takes it: float, or int64 ids.</summary>
    internal static NamedOnnxValue Feed(string name, torch.Tensor value)
    {
        int[] shape = value.shape.Select(d => (int)d).ToArray();
        return value.dtype == torch.ScalarType.Int64
            ? NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(value.data<long>().ToArray(), shape))
            : NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(value.data<float>().ToArray(), shape));
    }
}
