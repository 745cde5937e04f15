using System;
using System.Linq;
using Dsl.Training;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>LossFunctions.InfoNce against the formula computed by hand in doubles, and its run-time check of the logits.</summary>
public sealed class InfoNceLossTests
{
    private static readonly double[][] Logits =
    {
        new[] { 2.0, 0.5, -1.0 },
        new[] { 0.3, 1.5, 0.2 },
        new[] { -0.4, 0.9, 0.7 },
    };

    /// <summary>-log softmax(row)[i] of row i of <paramref name="m"/>.</summary>
    private static double RowLoss(double[][] m, int i)
    {
        double max = m[i].Max();
        return -(m[i][i] - max - Math.Log(m[i].Sum(v => Math.Exp(v - max))));
    }

    private static double[][] Transposed(double[][] m) => m.Select((_, j) => m.Select(row => row[j]).ToArray()).ToArray();

    private static torch.Tensor Tensor(double[][] rows) =>
        torch.tensor(rows.SelectMany(r => r).Select(v => (float)v).ToArray(), new long[] { rows.Length, rows[0].Length });

    [Fact]
    public void The_symmetric_loss_is_the_mean_of_the_rows_and_the_columns_cross_entropy_against_the_diagonal()
    {
        using var logits = Tensor(Logits);
        double expected = Enumerable.Range(0, 3).Average(i => 0.5 * (RowLoss(Logits, i) + RowLoss(Transposed(Logits), i)));
        double rows = Enumerable.Range(0, 3).Average(i => RowLoss(Logits, i));

        using var symmetric = LossFunctions.InfoNce(logits);
        using var oneSided = LossFunctions.InfoNce(logits, symmetric: false);

        Assert.Equal(expected, symmetric.item<float>(), 5);
        Assert.Equal(rows, oneSided.item<float>(), 5);
    }

    [Fact]
    public void A_mask_weights_each_sample_s_row_and_column()
    {
        using var logits = Tensor(Logits);
        using var mask = torch.tensor(new[] { 1f, 0f, 3f });
        double expected = (0.5 * (RowLoss(Logits, 0) + RowLoss(Transposed(Logits), 0)) + 3 * 0.5 * (RowLoss(Logits, 2) + RowLoss(Transposed(Logits), 2))) / 4;

        using var loss = LossFunctions.InfoNce(logits, mask: mask);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Logits_that_are_not_square_are_refused_in_the_library_s_words()
    {
        using var logits = torch.zeros(3, 4);

        var error = Assert.Throws<ArgumentException>(() => LossFunctions.InfoNce(logits));

        Assert.Contains("InfoNce: the logits are [3, 4] but must be [B, B]", error.Message);
    }
}
