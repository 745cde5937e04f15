using System;
using System.Linq;
using System.Threading;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using Dsl.Training.Schedules;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Learning-rate schedules: the rates each one gives, and that a resumed run has exactly the rates and weights of an uninterrupted one.</summary>
[Collection(TrainingCollection.Name)]
public sealed class ScheduleTests
{
    [Fact]
    public void Step_halves_the_rate_every_two_epochs_and_logs_it()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var history = Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 5, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.1), Schedule = LearningRateSchedule.Step(stepSize: 2, gamma: 0.5),
        });
        Assert.Equal(new[] { 0.1, 0.1, 0.05, 0.05, 0.025 }, history.Epochs.Select(e => Math.Round(e.Scalars()["lr"], 12)).ToArray());
    }

    [Fact]
    public void Exponential_multiplies_every_epoch()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var history = Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 3, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.1), Schedule = LearningRateSchedule.Exponential(0.5),
        });
        Assert.Equal(new[] { 0.1, 0.05, 0.025 }, history.Epochs.Select(e => Math.Round(e.Scalars()["lr"], 12)).ToArray());
    }

    [Fact]
    public void Cosine_with_warmup_rises_linearly_then_decays_to_the_floor_per_batch()
    {
        using var train = SyntheticData.Blobs(160, seed: 1);   // 5 batches of 32, 4 epochs: 20 steps
        using var model = TinyClassifier.Create(seed: 3);
        var observer = new Observer();
        var schedule = (CosineWarmupSchedule)LearningRateSchedule.CosineWithWarmup(warmupSteps: 4, minFactor: 0.1);
        Trainer.Fit(model, train, null, new TrainingOptions { Epochs = 4, BatchSize = 32, Optimizer = OptimizerSpec.AdamW(lr: 0.01), Schedule = schedule }, observer);

        double[] rates = observer.Batches.Select(b => b.LearningRate).ToArray();
        Assert.Equal(20, rates.Length);
        Assert.Equal(new[] { 0.0025, 0.005, 0.0075, 0.01 }, rates.Take(4).Select(r => Math.Round(r, 12)).ToArray());
        for (int step = 0; step < 20; step++)
        {
            Assert.Equal(0.01 * schedule.Factor(step, 20), rates[step], 12);
        }

        Assert.True(rates.Skip(4).Zip(rates.Skip(5)).All(p => p.Second < p.First), "the cosine part must decrease");
        Assert.Equal(0.01 * 0.1, 0.01 * schedule.Factor(20, 20), 12);
    }

    [Fact]
    public void One_cycle_peaks_at_the_maximum_and_ends_far_below_the_start()
    {
        using var train = SyntheticData.Blobs(320, seed: 1);   // 10 batches, 2 epochs: 20 steps
        using var model = TinyClassifier.Create(seed: 3);
        var observer = new Observer();
        Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 2, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.01, momentum: 0.9), Schedule = LearningRateSchedule.OneCycle(0.2, pctStart: 0.25),
        }, observer);

        double[] rates = observer.Batches.Select(b => b.LearningRate).ToArray();
        Assert.Equal(0.2 / 25, rates[0], 12);
        Assert.Equal(0.2, rates.Max(), 9);
        int peak = Array.IndexOf(rates, rates.Max());
        Assert.InRange(peak, 3, 6);
        Assert.True(rates[^1] < rates[0] / 10, $"the last rate {rates[^1]} should be far below the first {rates[0]}");
    }

    [Fact]
    public void Reduce_on_plateau_cuts_the_rate_after_patience_epochs_without_improvement()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);

        // An improvement must beat the best by 100: none does after the first epoch.
        var monitor = new MetricMonitor("val_loss", MinDelta: 100);
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 5, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.1),
            Schedule = LearningRateSchedule.ReduceOnPlateau(monitor, factor: 0.5, patience: 1),
        });
        Assert.Equal(new[] { 0.1, 0.1, 0.1, 0.05, 0.05 }, history.Epochs.Select(e => Math.Round(e.Scalars()["lr"], 12)).ToArray());
    }

    [Fact]
    public void Reduce_on_plateau_names_the_metrics_when_the_monitored_one_is_missing()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 1, BatchSize = 32, Schedule = LearningRateSchedule.ReduceOnPlateau(new MetricMonitor("val_loss")),
        }));
        Assert.Contains("monitors 'val_loss'", e.Message, StringComparison.Ordinal);
        Assert.Contains("label_accuracy", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Schedules() => new() { "one-cycle", "cosine", "plateau", "step" };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void A_resumed_run_has_exactly_the_rates_and_weights_of_an_uninterrupted_one(string name)
    {
        LearningRateSchedule schedule = name switch
        {
            "one-cycle" => LearningRateSchedule.OneCycle(0.05),
            "cosine" => LearningRateSchedule.CosineWithWarmup(warmupSteps: 3, minFactor: 0.05),
            "plateau" => LearningRateSchedule.ReduceOnPlateau(new MetricMonitor("val_loss", MinDelta: 100), factor: 0.3, patience: 0),
            _ => LearningRateSchedule.Step(1, 0.7),
        };
        using var train = SyntheticData.Blobs(200, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var folder = new TempDirectory();
        var options = new TrainingOptions { Epochs = 4, BatchSize = 32, Seed = 11, Optimizer = OptimizerSpec.AdamW(lr: 0.01), Schedule = schedule };

        using var uninterrupted = TinyClassifier.Create(seed: 5);
        var expected = Trainer.Fit(uninterrupted, train, validation, options);

        using var cancellation = new CancellationTokenSource();
        var stopper = new Observer { AfterBatch = b => { if (b.Epoch == 3 && b.Batch == 2) cancellation.Cancel(); } };
        using (var interrupted = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(interrupted, train, validation, options with { CheckpointDirectory = folder.Path }, stopper, cancellation.Token);
        }

        using var resumed = TinyClassifier.Create(seed: 99);
        var history = Trainer.Fit(resumed, train, validation, options with { CheckpointDirectory = folder.Path, Resume = true });

        Weights.AssertIdentical(uninterrupted, resumed);
        Assert.Equal(expected.Epochs.Select(e => e.LearningRates.Values.Single()), history.Epochs.Select(e => e.LearningRates.Values.Single()));
    }

    [Fact]
    public void Resuming_with_another_schedule_is_refused_with_what_to_do()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        var options = new TrainingOptions { Epochs = 3, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.1), Schedule = LearningRateSchedule.Step(1, 0.5), CheckpointDirectory = folder.Path };
        using (var first = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(first, train, null, options with { Epochs = 2 });
        }

        using var second = TinyClassifier.Create(seed: 5);
        var e = Assert.Throws<CheckpointException>(() => Trainer.Fit(second, train, null, options with { Resume = true, Schedule = LearningRateSchedule.Step(1, 0.9) }));
        Assert.Contains("resume with the optimizer and TrainingOptions.Schedule the run started with", e.Message, StringComparison.Ordinal);
    }
}
