using System;
using System.Linq;
using Dsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary><see cref="TrainingOptions.Metrics"/>: metrics of the user's own, per epoch and on validation, where the built-in ones go.</summary>
[Collection(TrainingCollection.Name)]
public sealed class CustomMetricTests
{
    // The share of samples labelled 1 (reads a target column) and of samples predicted as 1 (reads an output).
    private static readonly CustomMetric Ones = new("ones", (outputs, batch) => batch["label"].eq(1).to(ScalarType.Float32).mean());
    private static readonly CustomMetric PredictedOnes = new("predicted_ones", (outputs, batch) => outputs["logits"].argmax(1).eq(1).to(ScalarType.Float32).mean());

    [Fact]
    public void Custom_metrics_are_means_weighted_by_batch_size_in_history_logs_and_progress()
    {
        // 100 and 70 samples in batches of 32: the last batches are smaller, so an unweighted mean of batch means differs.
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var validation = SyntheticData.Blobs(70, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 2, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.1), Metrics = new[] { Ones, PredictedOnes }, Verbose = TrainingVerbosity.Silent,
        });

        double trainShare = train.Columns["label"].eq(1).sum().item<long>() / 100.0;
        double validationShare = validation.Columns["label"].eq(1).sum().item<long>() / 70.0;
        foreach (var epoch in history.Epochs)
        {
            Assert.Equal(trainShare, epoch.Train.Custom["ones"], 12);
            Assert.Equal(validationShare, epoch.Validation!.Custom["ones"], 12);
            var logs = epoch.Scalars();
            Assert.Equal(trainShare, logs["ones"], 12);
            Assert.Equal(validationShare, logs["val_ones"], 12);
            Assert.Contains(ConsoleProgress.Shown(epoch), m => m.Name == "val_predicted_ones");
        }

        // The validation value is the one of the final weights in eval mode: the same share Predict gives.
        using var logits = Trainer.Predict(model, validation, "logits");
        double predicted = logits.argmax(1).eq(1).sum().item<long>() / 70.0;
        Assert.Equal(predicted, history.Epochs[^1].Validation!.Custom["predicted_ones"], 12);
    }

    [Fact]
    public void Evaluate_reports_custom_metrics_as_sample_weighted_means_and_checks_their_names()
    {
        // 70 samples in batches of 32: an unweighted mean of the three batch means would differ.
        using var data = SyntheticData.Blobs(70, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);
        var metrics = Trainer.Evaluate(model, data, batchSize: 32, metrics: new[] { Ones, PredictedOnes });

        // Each batch's mean is float32 (the metric's own dtype); the weighting is what the 6 places check.
        Assert.Equal(data.Columns["label"].eq(1).sum().item<long>() / 70.0, metrics.Custom["ones"], 6);
        using var logits = Trainer.Predict(model, data, "logits");
        Assert.Equal(logits.argmax(1).eq(1).sum().item<long>() / 70.0, metrics.Custom["predicted_ones"], 6);
        Assert.Empty(Trainer.Evaluate(model, data).Custom);

        var clash = Assert.Throws<ArgumentException>(() => Trainer.Evaluate(model, data, metrics: new[] { new CustomMetric("val_ones", Ones.Compute) }));
        Assert.Equal("metrics", clash.ParamName);
        Assert.StartsWith("metrics has a metric named 'val_ones': the trainer adds 'val_' itself", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Early_stopping_monitors_a_custom_metric_by_its_validation_name()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);

        // The labels never change: val_ones never improves after the first epoch, so patience 1 stops after the second.
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 6, BatchSize = 16, Metrics = new[] { Ones }, Verbose = TrainingVerbosity.Silent,
            EarlyStopping = new EarlyStopping(Patience: 1, Monitor: "val_ones", Mode: MonitorMode.Max),
        });

        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.Equal(2, history.Epochs.Count);
    }

    [Fact]
    public void A_resumed_run_keeps_the_custom_metrics_of_the_epochs_before_its_checkpoint()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var validation = SyntheticData.Blobs(70, seed: 2);
        using var folder = new Dsl.Runtime.Tests.NativeCompat.TempDirectory();
        var options = new TrainingOptions
        {
            Epochs = 1, BatchSize = 32, Seed = 1, CheckpointDirectory = folder.Path, Metrics = new[] { Ones, PredictedOnes }, Verbose = TrainingVerbosity.Silent,
        };
        using var first = TinyClassifier.Create(seed: 5);
        var before = Trainer.Fit(first, train, validation, options);

        using var resumed = TinyClassifier.Create(seed: 6);
        var history = Trainer.Fit(resumed, train, validation, options with { Epochs = 2, Resume = true });
        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(before.Epochs[0].Train.Custom, history.Epochs[0].Train.Custom);
        Assert.Equal(before.Epochs[0].Validation!.Custom, history.Epochs[0].Validation!.Custom);
        Assert.Equal(new[] { "ones", "predicted_ones" }, history.Epochs[1].Validation!.Custom.Keys);
    }

    [Theory]
    [InlineData("label_accuracy", "which TinyClassifier already reports")]
    [InlineData("loss", "which TinyClassifier already reports")]
    [InlineData("val_ones", "the trainer adds 'val_' itself for the validation value; name it 'ones'")]
    [InlineData("my metric", "letters, digits and underscores")]
    public void A_name_the_trainer_uses_itself_or_cannot_log_is_refused_before_training(string name, string message)
    {
        using var train = SyntheticData.Blobs(32, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var metric = new CustomMetric(name, (outputs, batch) => batch["label"].to(ScalarType.Float32).mean());
        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 1, Metrics = new[] { metric }, Verbose = TrainingVerbosity.Silent,
        }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(TrainingOptions.Metrics), error.ParamName);

        var twice = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 1, Metrics = new[] { Ones, Ones }, Verbose = TrainingVerbosity.Silent,
        }));
        Assert.Contains("names 'ones' twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_returns_more_than_one_value_says_to_take_the_mean()
    {
        using var train = SyntheticData.Blobs(32, seed: 1);
        using var model = TinyClassifier.Create(seed: 3);
        var perSample = new CustomMetric("per_sample", (outputs, batch) => batch["label"].to(ScalarType.Float32));
        var error = Assert.Throws<InvalidOperationException>(() => Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, Metrics = new[] { perSample }, Verbose = TrainingVerbosity.Silent,
        }));
        Assert.Contains("'per_sample' returned a tensor of shape [8]", error.Message, StringComparison.Ordinal);
        Assert.Contains("add .mean()", error.Message, StringComparison.Ordinal);
    }
}
