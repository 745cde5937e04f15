using System;
using System.Linq;
using Dsl.Data;
using Dsl.Training;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrainerTests
{
    private static TrainingOptions Options(int epochs = 3) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Seed = 7,
        Optimizer = OptimizerSpec.Adam(lr: 0.01),
    };

    [Fact]
    public void Training_lowers_the_loss_and_learns_the_task()
    {
        using var train = SyntheticData.Blobs(400, seed: 1);
        using var validation = SyntheticData.Blobs(200, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);
        var before = Trainer.Evaluate(model, validation);

        var observer = new Observer();
        var history = Trainer.Fit(model, train, validation, Options(epochs: 5), observer);

        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, history.Epochs.Select(e => e.Epoch));
        Assert.True(history.Epochs[^1].Train.Total < history.Epochs[0].Train.Total, "the training loss did not decrease");
        var after = history.Epochs[^1].Validation!;
        Assert.True(after.Total < before.Total / 2, $"validation loss {before.Total} -> {after.Total}");
        Assert.True(after.Accuracy["label"] > 0.9, $"validation accuracy {after.Accuracy["label"]}");
        Assert.Equal(200, after.Samples);
        Assert.Equal(400, history.Epochs[0].Train.Samples);

        // Progress: 13 batches of at most 32 samples per epoch, reported in order.
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, observer.Started);
        Assert.Equal(5 * 13, observer.Batches.Count);
        Assert.All(observer.Batches, b => Assert.Equal(13, b.BatchesPerEpoch));
        Assert.Equal(Enumerable.Range(0, 13), observer.Batches.Take(13).Select(b => b.Batch));
        Assert.All(observer.Batches, b => Assert.True(b.Losses.ContainsKey("label") && b.SamplesPerSecond > 0));
        Assert.Equal(history.Epochs, observer.Epochs);
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_weights_and_another_seed_does_not()
    {
        using var train = SyntheticData.Blobs(300, seed: 1);
        using var first = TinyClassifier.Create(seed: 3);
        using var second = TinyClassifier.Create(seed: 3);
        using var third = TinyClassifier.Create(seed: 3);

        var a = Trainer.Fit(first, train, null, Options());
        var b = Trainer.Fit(second, train, null, Options());
        Trainer.Fit(third, train, null, Options() with { Seed = 8 });

        Weights.AssertIdentical(first, second);
        Assert.Equal(a.Epochs.Select(e => e.Train.Total), b.Epochs.Select(e => e.Train.Total));
        Assert.False(Weights.Identical(first.state_dict()["fc1.weight"], third.state_dict()["fc1.weight"]), "another seed (shuffle, dropout) must change the result");
    }

    [Fact]
    public void A_NaN_input_stops_training_with_the_epoch_batch_and_terms_and_keeps_the_last_finite_weights()
    {
        using var clean = SyntheticData.Blobs(200, seed: 1);
        clean.Columns["x"][150, 0] = tensor(float.NaN);
        using var model = TinyClassifier.Create(seed: 3);
        System.Collections.Generic.Dictionary<string, Tensor>? lastGood = null;
        var observer = new Observer { AfterBatch = _ => lastGood = Weights.Copy(model) };

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Fit(model, clean, null, Options(), observer));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(observer.Batches.Count, error.Batch);
        Assert.Contains($"epoch 1, batch {error.Batch}", error.Message);
        Assert.Contains("label = NaN", error.Message);
        Assert.Contains("The first non-finite tensor: input column 'x' holds 1 NaN", error.Message);
        Assert.True(double.IsNaN(error.Terms["label"]));
        Assert.True(Weights.AllFinite(model));
        if (lastGood is not null)
        {
            Weights.AssertIdentical(lastGood, model);
        }
    }

    [Fact]
    public void A_huge_learning_rate_diverges_into_an_exception_and_the_weights_stay_finite()
    {
        using var train = SyntheticData.Blobs(200, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);

        var error = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Fit(model, train, null, Options(epochs: 5) with { Optimizer = OptimizerSpec.Sgd(lr: 1e30) }));

        Assert.Contains("Training diverged at epoch", error.Message);
        Assert.True(Weights.AllFinite(model));
    }

    [Fact]
    public void Early_stopping_stops_once_the_validation_loss_stops_improving()
    {
        using var train = SyntheticData.Blobs(200, seed: 1);
        using var validation = SyntheticData.Blobs(100, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);

        // Learning rate 0: the validation loss never improves after the first epoch.
        var history = Trainer.Fit(model, train, validation, Options(epochs: 10) with
        {
            Optimizer = OptimizerSpec.Sgd(lr: 0.0),
            EarlyStopping = new EarlyStopping(Patience: 2),
        });

        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(1, history.BestEpoch);
    }

    [Fact]
    public void Early_stopping_restores_the_weights_of_the_best_validation_epoch()
    {
        using var train = SyntheticData.Blobs(300, seed: 1);
        using var flipped = SyntheticData.Blobs(100, seed: 2, labelShift: 1); // the better the model, the worse this loss
        using var model = TinyClassifier.Create(seed: 3);
        var snapshots = new System.Collections.Generic.Dictionary<int, System.Collections.Generic.Dictionary<string, Tensor>>();
        var observer = new Observer { AfterEpoch = m => snapshots[m.Epoch] = Weights.Copy(model) };

        var history = Trainer.Fit(model, train, flipped, Options(epochs: 30) with
        {
            EarlyStopping = new EarlyStopping(Patience: 2, RestoreBestWeights: true),
        }, observer);

        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        int best = history.Epochs.MinBy(e => e.Validation!.Total)!.Epoch;
        Assert.Equal(best, history.BestEpoch);
        Assert.Equal(best + 2, history.Epochs.Count);
        Weights.AssertIdentical(snapshots[best], model);
        Assert.Equal(history.Epochs[best - 1].Validation!.Total, Trainer.Evaluate(model, flipped, batchSize: 32).Total, 12);
    }

    [Fact]
    public void Invalid_settings_fail_before_training_with_a_clear_message()
    {
        using var train = SyntheticData.Blobs(50, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);

        bool hasCuda = cuda.is_available();
        var device = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, Options() with { Device = hasCuda ? "tpu" : "cuda" }));
        Assert.Contains(hasCuda ? "Unknown device 'tpu'" : "CUDA is not available", device.Message);

        var early = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, Options() with { EarlyStopping = new EarlyStopping(2) }));
        Assert.Contains("validation", early.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Fit(model, train, null, Options() with { BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, Options() with { Resume = true }));
    }

    [Fact]
    public void Cancelling_stops_after_the_current_batch()
    {
        using var train = SyntheticData.Blobs(320, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        using var cancellation = new System.Threading.CancellationTokenSource();
        var observer = new Observer { AfterBatch = b => { if (b.Epoch == 2 && b.Batch == 4) cancellation.Cancel(); } };

        var history = Trainer.Fit(model, train, null, Options(), observer, cancellation.Token);

        Assert.Equal(StopReason.Cancelled, history.StopReason);
        Assert.Single(history.Epochs);
        Assert.Equal(10 + 5, observer.Batches.Count);
    }
}
