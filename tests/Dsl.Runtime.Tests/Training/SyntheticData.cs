using System;
using System.Collections.Generic;
using Dsl.Data;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Seeded synthetic datasets: four Gaussian blobs in the plane, one per class, linearly separable.</summary>
internal static class SyntheticData
{
    /// <summary>
    /// <paramref name="count"/> samples: columns <c>x</c> [N, 2] float32, <c>label</c> [N] int64 and <c>mask</c> [N]
    /// float32 (1 for odd labels). <paramref name="labelShift"/> relabels class c as (c + shift) % 4, which makes
    /// a validation set the trained model gets ever more wrong.
    /// </summary>
    public static TensorDataset Blobs(int count, int seed, int labelShift = 0)
    {
        var rng = new Random(seed);
        var x = new float[count * 2];
        var labels = new long[count];
        var mask = new float[count];
        for (int i = 0; i < count; i++)
        {
            int c = rng.Next(4);
            x[2 * i] = (c % 2 == 0 ? -2f : 2f) + 0.6f * Gaussian(rng);
            x[2 * i + 1] = (c / 2 == 0 ? -2f : 2f) + 0.6f * Gaussian(rng);
            labels[i] = (c + labelShift) % 4;
            mask[i] = labels[i] % 2;
        }

        return new TensorDataset(new Dictionary<string, Tensor>
        {
            ["x"] = tensor(x, new long[] { count, 2 }),
            ["label"] = tensor(labels),
            ["mask"] = tensor(mask),
        });
    }

    private static float Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
