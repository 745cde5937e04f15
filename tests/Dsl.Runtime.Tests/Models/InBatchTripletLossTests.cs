using System;
using System.Linq;
using Dsl.Training;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>LossFunctions.InBatchTriplet against the formula computed by hand in doubles, and its run-time check of the matrix.</summary>
public sealed class InBatchTripletLossTests
{
    private static readonly double[][] Similarity =
    {
        new[] { 0.9, 0.8, -0.2, 0.75 },
        new[] { 0.1, 0.3, 0.35, -0.9 },
        new[] { 0.5, 0.0, 0.95, 0.2 },
        new[] { -0.3, 0.6, 0.45, 0.4 },
    };

    /// <summary>The hinges max(0, margin - S[i, i] + S[i, j]) of anchor i's negatives j != i.</summary>
    private static double[] Hinges(int i, double margin) =>
        Enumerable.Range(0, Similarity.Length).Where(j => j != i).Select(j => Math.Max(0, margin - Similarity[i][i] + Similarity[i][j])).ToArray();

    private static torch.Tensor Tensor(double[][] rows) =>
        torch.tensor(rows.SelectMany(r => r).Select(v => (float)v).ToArray(), new long[] { rows.Length, rows[0].Length });

    [Fact]
    public void The_mean_form_averages_every_negative_s_hinge_then_the_anchors()
    {
        using var similarity = Tensor(Similarity);
        double expected = Enumerable.Range(0, 4).Average(i => Hinges(i, 0.2).Average());

        using var loss = LossFunctions.InBatchTriplet(similarity, margin: 0.2);

        Assert.True(expected > 0.05, "the example must have active hinges");
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void The_hardest_form_takes_each_anchor_s_largest_hinge()
    {
        using var similarity = Tensor(Similarity);
        double expected = Enumerable.Range(0, 4).Average(i => Hinges(i, 0.3).Max());

        using var loss = LossFunctions.InBatchTriplet(similarity, margin: 0.3, hardest: true);

        Assert.Equal(expected, loss.item<float>(), 5);
        using var mean = LossFunctions.InBatchTriplet(similarity, margin: 0.3);
        Assert.True(loss.item<float>() > mean.item<float>());
    }

    [Fact]
    public void The_gradient_reaches_the_positive_and_only_the_active_negatives()
    {
        using var similarity = Tensor(Similarity).requires_grad_();
        using var loss = LossFunctions.InBatchTriplet(similarity, margin: 0.2);
        loss.backward();
        var grad = similarity.grad!.data<float>().ToArray();

        // Anchor 0 (S[0,0] = 0.9): negatives 1 (0.8) and 3 (0.75) are within the margin, 2 (-0.2) is not.
        Assert.Equal(1.0 / (4 * 3), grad[1], 5);
        Assert.Equal(0.0, grad[2], 5);
        Assert.Equal(1.0 / (4 * 3), grad[3], 5);
        Assert.Equal(-2.0 / (4 * 3), grad[0], 5);
    }

    [Fact]
    public void A_mask_weights_each_anchor()
    {
        using var similarity = Tensor(Similarity);
        using var mask = torch.tensor(new[] { 1f, 0f, 3f, 0f });
        double expected = (Hinges(0, 0.2).Average() + 3 * Hinges(2, 0.2).Average()) / 4;

        using var loss = LossFunctions.InBatchTriplet(similarity, mask: mask);

        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void A_batch_of_one_has_no_negative_and_no_loss()
    {
        using var similarity = torch.tensor(new[] { 0.3f }, new long[] { 1, 1 });

        using var mean = LossFunctions.InBatchTriplet(similarity);
        using var hardest = LossFunctions.InBatchTriplet(similarity, hardest: true);

        Assert.Equal(0f, mean.item<float>());
        Assert.Equal(0f, hardest.item<float>());
    }

    [Fact]
    public void A_matrix_that_is_not_square_is_refused_in_the_library_s_words()
    {
        using var similarity = torch.zeros(3, 4);

        var error = Assert.Throws<ArgumentException>(() => LossFunctions.InBatchTriplet(similarity));

        Assert.Contains("InBatchTriplet: the logits are [3, 4] but must be [B, B]", error.Message);
    }
}
