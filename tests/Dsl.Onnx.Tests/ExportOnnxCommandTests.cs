using System;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Weights;
using Examples.Tests;
using Examples.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;

namespace Dsl.Onnx.Tests;

/// <summary><c>dotnet run --project Examples -- export-onnx</c>, run in-process: the file it writes holds the weights and runs in ONNX Runtime.</summary>
public sealed class ExportOnnxCommandTests : IDisposable
{
    private readonly ExampleRunner runner = new();

    public void Dispose() => runner.Dispose();

    [Fact]
    public void Exports_given_weights_and_Onnx_Runtime_computes_what_the_module_computes()
    {
        torch.manual_seed(5);
        using var module = new OddOnlyMlp();
        module.eval();
        string weights = Path.Combine(runner.OutputRoot, "odd.safetensors");
        module.SaveWeights(weights);
        string file = Path.Combine(runner.OutputRoot, "odd.onnx");

        var (code, output, error) = Run("export-onnx", "odd-only", "--weights", weights, "--out", file);

        Assert.True(code == 0, error + output);
        Assert.Contains("OddOnlyMlp as ONNX", output, StringComparison.Ordinal);
        torch.manual_seed(6);
        using var images = torch.rand(4, 28, 28);
        using var expected = module.Forward(images).Logits;
        Assert.Equal(expected.data<float>().ToArray(), Predict(file, "image", images, new[] { 4, 28, 28 }), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Without_weights_it_trains_the_example_and_exports_the_trained_network()
    {
        string file = Path.Combine(runner.OutputRoot, "odd-only.onnx");

        var (code, output, error) = Run("export-onnx", "odd-only", "--epochs", "2", "--limit", "2048", "--out", file);

        Assert.True(code == 0, error + output);
        Assert.True(File.Exists(Path.Combine(runner.OutputRoot, "odd-only", "metrics.json")), "the training run's results go beside --out");
        // The exported network reads the odd ones of the last 1,000 embedded digits (not trained on; the example's loss
        // counts only odd digits) far better than chance (10 %); untrained weights would not.
        using var data = MnistData.Load(DataSource.Embedded);
        using var images = data.Images.narrow(0, data.Count - 1000, 1000).reshape(1000, 28, 28);
        using var labels = data.Labels.narrow(0, data.Count - 1000, 1000);
        float[] logits = Predict(file, "image", images, new[] { 1000, 28, 28 });
        long[] truth = labels.data<long>().ToArray();
        var odd = Enumerable.Range(0, 1000).Where(i => truth[i] % 2 == 1).ToList();
        double accuracy = odd.Count(i => ArgMax(logits.AsSpan(i * 10, 10)) == truth[i]) / (double)odd.Count;
        Console.WriteLine($"export-onnx odd-only (2 epochs, 2,048 samples): ONNX Runtime accuracy on odd test digits {accuracy:P1}");
        Assert.True(accuracy > 0.5, $"the exported network's accuracy is {accuracy:P1}: were the trained weights exported?");
    }

    [Fact]
    public void An_unknown_network_is_one_line_naming_the_example_s_networks()
    {
        var (code, _, error) = Run("export-onnx", "siamese", "--weights", "none.safetensors", "--model", "Nope");
        Assert.Equal(1, code);
        Assert.Contains("its networks are: SiameseNet, SiameseTower", error, StringComparison.Ordinal);
    }

    private static float[] Predict(string file, string input, torch.Tensor x, int[] shape)
    {
        using var session = new InferenceSession(file);
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(input, new DenseTensor<float>(x.contiguous().data<float>().ToArray(), shape)) });
        return results.Single().AsTensor<float>().ToArray();
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }

    private (int Code, string Output, string Error) Run(params string[] args) => runner.Run(args);

    private sealed class FloatTolerance : System.Collections.Generic.IEqualityComparer<float>
    {
        private readonly float tolerance;

        public FloatTolerance(float tolerance) => this.tolerance = tolerance;

        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(y));

        public int GetHashCode(float obj) => 0;
    }
}
