using System;
using System.Linq;
using Dsl.Training;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Class weights in cross entropy and per-sample weights through the mask, against hand computation.</summary>
public sealed class WeightedLossTests
{
    private static readonly float[,] Logits = { { 2, 0, -1 }, { 0.5f, 1, 0 }, { -1, 0, 3 } };

    private static double SampleLoss(int row, int label)
    {
        double[] values = Enumerable.Range(0, 3).Select(c => (double)Logits[row, c]).ToArray();
        double logSum = Math.Log(values.Sum(Math.Exp));
        return logSum - values[label];
    }

    [Fact]
    public void Class_weights_give_the_weighted_mean_of_the_samples_losses()
    {
        long[] labels = { 0, 2, 2 };
        double[] w = { 1.0, 0.5, 3.0 };
        using var loss = LossFunctions.CrossEntropy(tensor(Logits), tensor(labels), classWeights: tensor(w.Select(v => (float)v).ToArray()));
        double expected = Enumerable.Range(0, 3).Sum(i => w[labels[i]] * SampleLoss(i, (int)labels[i])) / labels.Sum(l => w[l]);
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Class_weights_combine_with_a_mask_and_sample_weights_are_a_weighted_mean()
    {
        long[] labels = { 1, 0, 2 };
        float[] mask = { 2, 0, 1 };
        double[] w = { 1.0, 4.0, 0.5 };
        using var loss = LossFunctions.CrossEntropy(tensor(Logits), tensor(labels), tensor(mask), tensor(w.Select(v => (float)v).ToArray()));
        double expected = Enumerable.Range(0, 3).Sum(i => w[labels[i]] * mask[i] * SampleLoss(i, (int)labels[i])) / Enumerable.Range(0, 3).Sum(i => w[labels[i]] * mask[i]);
        Assert.Equal(expected, loss.item<float>(), 5);

        using var sampleWeighted = LossFunctions.CrossEntropy(tensor(Logits), tensor(labels), tensor(mask));
        double plain = Enumerable.Range(0, 3).Sum(i => mask[i] * SampleLoss(i, (int)labels[i])) / mask.Sum();
        Assert.Equal(plain, sampleWeighted.item<float>(), 5);
    }

    [Fact]
    public void Class_weights_of_the_wrong_size_say_what_is_expected()
    {
        var e = Assert.Throws<ArgumentException>(() => LossFunctions.CrossEntropy(tensor(Logits), tensor(new long[] { 0, 1, 2 }), classWeights: ones(4)));
        Assert.Contains("one weight per class, shape [3], but have shape [4]", e.Message, StringComparison.Ordinal);
    }
}
