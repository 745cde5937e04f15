using System;
using System.Diagnostics;
using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>The cost of the input check a generated forward runs first (<see cref="TensorCheck.Check"/>).</summary>
public static class TensorCheckCost
{
    /// <summary>Nanoseconds per call of the input check the generated forward runs first (median of 9 batches).</summary>
    public static double Measure()
    {
        using var images = torch.zeros(128, 1, 28, 28);
        long[] expected = { TensorCheck.Any, 1, 28, 28 };
        const int calls = 200_000;
        var perCall = new Samples("check");
        long sink = 0;
        for (int batch = 0; batch < 10; batch++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < calls; i++)
            {
                sink += TensorCheck.Check("DigitClassifier", "input", "image", images, expected, "[B, 1, 28, 28]", ScalarType.Float32, 0);
            }

            if (batch > 0)
            {
                perCall.Add(clock.Elapsed.TotalNanoseconds / calls);
            }
        }

        GC.KeepAlive(sink);
        return perCall.Median;
    }
}
