using System;
using System.Linq;
using Dsl.Runtime.Tests.Export;
using Dsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// The weighted mean of masked losses (sum(w l) / sum(w) for any non-negative weights, 0 without weight), the run-time
/// refusal of negative weights, and the class-index check with an ignored index.
/// </summary>
public sealed class MaskedMeanTests
{
    [Fact]
    public void Fractional_weights_give_the_plain_weighted_mean()
    {
        using var losses = tensor(new[] { 2f, 4f, 10f });
        using var quarter = tensor(new[] { 0.25f, 0.25f, 0f });
        using var ones = tensor(new[] { 1f, 1f, 0f });
        using var uneven = tensor(new[] { 0.25f, 0.75f, 0f });

        // 0.25 / 0.25 selects the first two samples equally: their plain mean, 3, not half of it.
        Assert.Equal(3.0, LossFunctions.MaskedMean(losses, quarter).item<float>(), 6);
        Assert.Equal(3.0, LossFunctions.MaskedMean(losses, ones).item<float>(), 6);
        Assert.Equal((0.25 * 2 + 0.75 * 4) / 1.0, LossFunctions.MaskedMean(losses, uneven).item<float>(), 6);
    }

    [Fact]
    public void A_per_position_mask_weighs_each_position()
    {
        using var losses = tensor(new[] { 1f, 2f, 3f, 4f }, new long[] { 2, 2 });
        using var mask = tensor(new[] { 0.5f, 0f, 0.25f, 0.25f }, new long[] { 2, 2 });
        double expected = (0.5 * 1 + 0.25 * 3 + 0.25 * 4) / 1.0;

        Assert.Equal(expected, LossFunctions.MaskedMean(losses, mask).item<float>(), 6);
    }

    [Fact]
    public void An_all_zero_mask_gives_zero_and_finite_gradients()
    {
        using var logits = randn(3, 4, 5).requires_grad_(true);
        using var classes = randint(0, 5, new long[] { 3, 4 }, dtype: ScalarType.Int64);
        using var mask = zeros(3, 4);

        using var loss = LossFunctions.CrossEntropy(logits, classes, mask, classDim: -1);
        loss.backward();

        Assert.Equal(0.0, loss.item<float>());
        Assert.True(logits.grad!.isfinite().all().item<bool>());
        Assert.Equal(0.0, logits.grad!.abs().max().item<float>());
    }

    [Fact]
    public void A_negative_mask_weight_is_refused_naming_the_mask()
    {
        using var model = new SequenceLossNet();
        var batch = SequenceLossParityTests.Batch();
        batch["positions"][1, 2] = tensor(-0.5f);

        var error = Assert.Throws<ArgumentException>(() => ((ITrainableModel)model).Step(batch));

        Assert.Contains("SequenceLossNet: target 'positions' holds the weight -0.5", error.Message);
        Assert.Contains("non-negative weights", error.Message);
    }

    [Fact]
    public void The_ignored_index_passes_the_class_check_and_other_indices_out_of_range_do_not()
    {
        using var logits = randn(2, 3, 4);
        using var ignored = tensor(new long[] { 0, -100, 3, 2, -100, 1 }, new long[] { 2, 3 });
        using var outOfRange = tensor(new long[] { 0, -100, 4, 2, -100, 1 }, new long[] { 2, 3 });

        using var loss = LossFunctions.CrossEntropy(logits, ignored, classDim: 2, ignoreIndex: -100);
        using var kept = nn.functional.cross_entropy(logits.permute(0, 2, 1), ignored.masked_fill(ignored.eq(-100), 0), reduction: nn.Reduction.None);
        double expected = kept.masked_select(ignored.ne(-100)).mean().item<float>();
        Assert.Equal(expected, loss.item<float>(), 5);

        var refused = Assert.Throws<ArgumentException>(() => LossFunctions.CrossEntropy(logits, outOfRange, classDim: 2, ignoreIndex: -100));
        Assert.Contains("class index 4", refused.Message);
        Assert.Contains("or the ignored index -100", refused.Message);
        var unsupported = Assert.Throws<ArgumentException>(() => LossFunctions.CrossEntropy(logits, ignored, classDim: 2));
        Assert.Contains("class index -100", unsupported.Message);
    }

    [Fact]
    public void A_class_axis_that_is_the_batch_is_refused()
    {
        using var logits = randn(2, 3, 4);
        using var classes = zeros(2, 3, dtype: ScalarType.Int64);

        var error = Assert.Throws<ArgumentException>(() => LossFunctions.CrossEntropy(logits, classes, classDim: 0));
        Assert.Contains("classDim 0 is not a class axis", error.Message);
    }

    [Fact]
    public void Soft_targets_over_a_sequence_read_the_class_axis_too()
    {
        using var logits = randn(2, 3, 5);
        using var classes = randint(0, 5, new long[] { 2, 3 }, dtype: ScalarType.Int64);
        using var oneHot = nn.functional.one_hot(classes, 5).to_type(ScalarType.Float32);
        using var mask = tensor(new[] { 1f, 0.5f, 0f, 0.25f, 0f, 1f }, new long[] { 2, 3 });

        // One-hot probabilities are the class indices: both readings of the same sequence give the same loss.
        using var soft = LossFunctions.SoftCrossEntropy(logits, oneHot, mask, classDim: -1);
        using var hard = LossFunctions.CrossEntropy(logits, classes, mask, classDim: -1);

        Assert.Equal(hard.item<float>(), soft.item<float>(), 5);
    }
}
