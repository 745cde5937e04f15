using System;
using System.Linq;
using System.Threading;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using Dsl.Training.Schedules;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// <see cref="TrainingOptions.AccumulateGradBatches"/>: N batches of b samples per optimizer step train exactly as one
/// batch of N * b samples (the large batch's mean loss, up to floating-point order).
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class GradientAccumulationTests
{
    /// <summary>
    /// float32 sums in another order: after 8 optimizer steps the weights (about 0.1 to 1 in size) differ by a few
    /// 1e-7; a wrong weighting of any batch (1/N for the last, smaller group; samples instead of selected samples for
    /// the masked term) moves them by more than 1e-3.
    /// </summary>
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accumulating_three_batches_of_four_trains_as_batches_of_twelve(bool masked)
    {
        // 42 samples: batches of 4 are 10 x 4 + 2, so each epoch's last group is [4, 2] (6 samples), and the large
        // batches are 12, 12, 12, 6: the smaller last batch and the smaller last group are both in play.
        using var train = SyntheticData.Blobs(42, seed: 3);
        var options = new TrainingOptions
        {
            Epochs = 2,
            Seed = 7,
            Shuffle = true,
            Optimizer = OptimizerSpec.Sgd(lr: 0.2, momentum: 0.9),
            // Per-batch schedule: its total and its steps must count optimizer steps, or the rates differ.
            Schedule = LearningRateSchedule.CosineWithWarmup(warmupSteps: 2),
        };

        using var accumulated = NoDropout(masked);
        using var initial = NoDropout(masked);
        var observer = new Observer();
        Trainer.Fit(accumulated, train, null, options with { BatchSize = 4, AccumulateGradBatches = 3 }, observer);
        using var large = NoDropout(masked);
        Trainer.Fit(large, train, null, options with { BatchSize = 12, AccumulateGradBatches = 1 });

        Assert.Equal(22, observer.Batches.Count); // every batch is still reported
        double trained = MaxDifference(initial, large);
        Assert.True(trained > 1e-2, $"the large-batch run barely trained (max weight change {trained}): the comparison would prove nothing");
        double difference = MaxDifference(large, accumulated);
        Assert.True(difference <= Tolerance, $"accumulated weights differ from the large batch's by {difference} (tolerance {Tolerance})");
    }

    [Fact]
    public void A_resumed_run_with_accumulation_ends_with_exactly_the_weights_of_an_uninterrupted_run()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var validation = SyntheticData.Blobs(40, seed: 2);
        using var folder = new TempDirectory();
        var options = new TrainingOptions
        {
            Epochs = 3,
            BatchSize = 8, // 13 batches: groups of 3, 3, 3, 3, 1
            AccumulateGradBatches = 3,
            Seed = 11,
            Optimizer = OptimizerSpec.Adam(lr: 0.01),
            Schedule = LearningRateSchedule.CosineWithWarmup(warmupSteps: 3),
        };

        using var uninterrupted = TinyClassifier.Create(seed: 5);
        Trainer.Fit(uninterrupted, train, validation, options);

        // Cancelled in the middle of a group of epoch 2: its accumulated gradients must not leak into the resume.
        using var cancellation = new CancellationTokenSource();
        var stopper = new Observer { AfterBatch = b => { if (b.Epoch == 2 && b.Batch == 4) cancellation.Cancel(); } };
        using (var interrupted = TinyClassifier.Create(seed: 5))
        {
            var partial = Trainer.Fit(interrupted, train, validation, options with { CheckpointDirectory = folder.Path }, stopper, cancellation.Token);
            Assert.Equal(StopReason.Cancelled, partial.StopReason);
            Assert.Single(partial.Epochs);
        }

        using var resumed = TinyClassifier.Create(seed: 99);
        var history = Trainer.Fit(resumed, train, validation, options with { CheckpointDirectory = folder.Path, Resume = true });

        Assert.Equal(StopReason.Completed, history.StopReason);
        Weights.AssertIdentical(uninterrupted, resumed);
    }

    [Fact]
    public void Resuming_with_another_accumulation_is_refused_naming_both_values()
    {
        using var train = SyntheticData.Blobs(40, seed: 1);
        using var folder = new TempDirectory();
        var options = new TrainingOptions { Epochs = 2, BatchSize = 8, AccumulateGradBatches = 2, Seed = 1, CheckpointDirectory = folder.Path };
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, options with { Epochs = 1 });
        }

        using var again = TinyClassifier.Create(seed: 5);
        var error = Assert.Throws<CheckpointException>(() =>
            Trainer.Fit(again, train, null, options with { AccumulateGradBatches = 1, Resume = true }));
        Assert.Contains("AccumulateGradBatches was 2, now 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_accumulation_below_one_is_refused_before_training(int value)
    {
        using var train = SyntheticData.Blobs(16, seed: 1);
        using var model = TinyClassifier.Create(seed: 5);
        using var before = TinyClassifier.Create(seed: 5);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Fit(model, train, null, new TrainingOptions { Epochs = 1, AccumulateGradBatches = value }));
        Assert.Equal(nameof(TrainingOptions.AccumulateGradBatches), error.ParamName);
        Assert.Contains("must be at least 1", error.Message, StringComparison.Ordinal);
        Weights.AssertIdentical(before, model);
    }

    /// <summary>
    /// A classifier with the same initial weights on every call, drawn from a generator of its own: seeding torch's
    /// global generator before each construction is not enough while other test classes draw from it in parallel.
    /// </summary>
    private static TinyClassifier NoDropout(bool masked)
    {
        var model = new TinyClassifier(hidden: 16, classes: 4, dropout: 0.0, masked: masked);
        var generator = new Generator(5);
        using (no_grad())
        {
            foreach (var (_, parameter) in model.named_parameters().OrderBy(p => p.name, StringComparer.Ordinal))
            {
                parameter.copy_(randn(parameter.shape, generator: generator) * 0.3);
            }
        }

        return model;
    }

    private static double MaxDifference(TorchSharp.torch.nn.Module a, TorchSharp.torch.nn.Module b)
    {
        var left = a.state_dict();
        var right = b.state_dict();
        return left.Keys.Max(k => (left[k] - right[k]).abs().max().item<float>());
    }
}
