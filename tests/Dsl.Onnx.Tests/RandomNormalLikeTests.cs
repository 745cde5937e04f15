using System;
using System.Linq;
using Dsl;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Dsl.Onnx.Tests.Noise;

/// <summary>Adds standard normal noise to every feature: its ONNX draws are ONNX Runtime's, so only their distribution is checked.</summary>
[Model]
public partial class NoisyFeatures
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 500);
        g.Output("y", x + x.RandomNormalLike());
    }
}

/// <summary>
/// RandomNormalLike exports as ONNX's RandomNormalLike: the output has the input's shape and the noise (output minus
/// input) is standard normal, mean near 0 and deviation near 1 over 1000 draws, and fresh on every run.
/// </summary>
public class RandomNormalLikeTests
{
    [Fact]
    public void Exported_noise_is_standard_normal_of_the_input_shape()
    {
        using var module = new NoisyFeatures("noisy");
        byte[] bytes = OnnxExport.ToModel(NoisyFeatures.OnnxGraph, module).ToByteArray();
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(bytes, options);
        var x = TorchSharp.torch.full(new long[] { 2, 500 }, 3.0f);
        float[] Noise()
        {
            using var results = session.Run(new[] { OnnxRuntimeParityTests.Feed("x", x) });
            var y = results.Single().AsTensor<float>();
            Assert.Equal(new[] { 2, 500 }, y.Dimensions.ToArray());
            return y.ToArray().Select(v => v - 3f).ToArray();
        }

        float[] first = Noise();
        double mean = first.Average();
        double deviation = Math.Sqrt(first.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.15, 0.15);
        Assert.InRange(deviation, 0.85, 1.15);
        Assert.NotEqual(first, Noise());
    }
}
