using System;
using System.Linq;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>The loss options and the losses beyond the seeds', on predictions passed straight through.</summary>
[Model]
public partial class LossCatalogue
{
    static void Define(Graph g)
    {
        var scores = g.Input("scores", 3) * 1.0;
        var values = g.Input("values", 2) * 1.0;
        var logProbabilities = scores.LogSoftmax();
        g.Output("scores_out", scores);
        g.Output("log_probabilities", logProbabilities);
        g.Output("values_out", values);
        g.Loss("label", scores, Loss.CrossEntropy(labelSmoothing: 0.2));
        g.Loss("klass", logProbabilities, Loss.Nll());
        g.Loss("distribution", logProbabilities, Loss.KlDivergence());
        g.Loss("y", values, Loss.Huber(delta: 0.5));
        g.Loss("flag", values, Loss.BinaryCrossEntropyWithLogits(posWeight: 3.0));
    }
}

/// <summary>Each term against the formula computed by hand in doubles.</summary>
public sealed class LossCatalogueTests
{
    private static readonly double[][] Scores = { new[] { 1.0, -0.5, 2.0 }, new[] { 0.2, 0.1, -1.0 } };
    private static readonly long[] Labels = { 2, 0 };
    private static readonly double[][] Distribution = { new[] { 0.2, 0.3, 0.5 }, new[] { 0.6, 0.4, 0.0 } };
    private static readonly double[][] Values = { new[] { 0.1, 2.0 }, new[] { -1.2, 0.4 } };
    private static readonly double[][] YTarget = { new[] { 0.3, 0.0 }, new[] { -0.2, 0.5 } };
    private static readonly double[][] Flags = { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 } };

    private static double[] LogSoftmax(double[] row)
    {
        double max = row.Max();
        double log = Math.Log(row.Sum(v => Math.Exp(v - max))) + max;
        return row.Select(v => v - log).ToArray();
    }

    private static torch.Tensor Tensor(double[][] rows) =>
        torch.tensor(rows.SelectMany(r => r).Select(v => (float)v).ToArray(), new long[] { rows.Length, rows[0].Length });

    [Fact]
    public void Every_term_equals_its_formula()
    {
        using var model = new LossCatalogue();
        using var scores = Tensor(Scores);
        using var values = Tensor(Values);
        using var labels = torch.tensor(Labels);
        using var distribution = Tensor(Distribution);
        using var y = Tensor(YTarget);
        using var flags = Tensor(Flags);

        using var outputs = model.Forward(scores, values);
        using var losses = model.ComputeLoss(outputs, new LossCatalogue.Targets(labels, labels, distribution, y, flags));

        var logp = Scores.Select(LogSoftmax).ToArray();
        // Label smoothing 0.2 over 3 classes: the target is 0.8 one-hot + 0.2 / 3 everywhere.
        double smoothed = logp.Select((row, i) => -row.Select((l, c) => ((c == Labels[i] ? 0.8 : 0) + (0.2 / 3)) * l).Sum()).Average();
        double nll = logp.Select((row, i) => -row[Labels[i]]).Average();
        double kl = logp.Select((row, i) => Distribution[i].Select((t, c) => t == 0 ? 0 : t * (Math.Log(t) - row[c])).Sum()).Average();
        double huber = Values.SelectMany((row, i) => row.Select((v, j) => Math.Abs(v - YTarget[i][j]))).Select(e => e < 0.5 ? 0.5 * e * e : 0.5 * (e - 0.25)).Average();
        double Softplus(double v) => Math.Log(1 + Math.Exp(v));
        double bce = Values.SelectMany((row, i) => row.Select((v, j) => (3.0 * Flags[i][j] * Softplus(-v)) + ((1 - Flags[i][j]) * Softplus(v)))).Average();

        Assert.Equal(smoothed, losses.Label.item<float>(), 5);
        Assert.Equal(nll, losses.Klass.item<float>(), 5);
        Assert.Equal(kl, losses.Distribution.item<float>(), 5);
        Assert.Equal(huber, losses.Y.item<float>(), 5);
        Assert.Equal(bce, losses.Flag.item<float>(), 5);
        Assert.Equal(smoothed + nll + kl + huber + bce, losses.Total.item<float>(), 4);
    }

    [Fact]
    public void Nll_terms_report_accuracy_like_cross_entropy()
    {
        var terms = LossCatalogue.Info.Losses.ToDictionary(l => l.Name);

        Assert.True(terms["klass"].IsClassification);
        Assert.True(terms["label"].IsClassification);
        Assert.False(terms["distribution"].IsClassification);
        Assert.Equal("Huber", terms["y"].Kind);
    }
}
