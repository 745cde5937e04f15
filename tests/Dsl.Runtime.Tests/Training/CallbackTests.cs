using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using Dsl.Training.Callbacks;
using Dsl.Weights;

namespace Dsl.Runtime.Tests.Training;

/// <summary>The built-in callbacks write what they promise, and early stopping watches any metric in either direction.</summary>
[Collection(TrainingCollection.Name)]
public sealed class CallbackTests
{
    [Fact]
    public void Csv_and_tensorboard_log_every_epoch_metric_and_the_learning_rate()
    {
        using var train = SyntheticData.Blobs(128, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var folder = new TempDirectory();
        using var model = TinyClassifier.Create(seed: 3);
        string csv = folder.File("log/metrics.csv");
        var board = new TensorBoardLogger(folder.File("tb"), batchInterval: 1);
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 3, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.1), Callbacks = new ITrainingCallback[] { new CsvLogger(csv), board },
            Metrics = new[] { new CustomMetric("ones", (outputs, batch) => batch["label"].eq(1).to(TorchSharp.torch.ScalarType.Float32).mean()) },
        });

        string[] lines = File.ReadAllLines(csv);
        Assert.Equal(4, lines.Length);
        string[] header = lines[0].Split(',');
        Assert.Equal("epoch", header[0]);
        foreach (string column in new[] { "loss", "label_loss", "label_accuracy", "label_precision", "label_f1", "val_loss", "val_label_accuracy", "val_label_recall", "lr", "ones", "val_ones" })
        {
            Assert.Contains(column, header);
        }

        string[] last = lines[3].Split(',');
        Assert.Equal("3", last[0]);
        Assert.Equal(history.Epochs[2].Validation!.Total, double.Parse(last[Array.IndexOf(header, "val_loss")], CultureInfo.InvariantCulture));

        // Keras' layout: a train/ and a validation/ run logging the same tags, so TensorBoard draws both on one chart.
        var scalars = TensorBoardEvents.ScalarsByRun(board.LogDirectory);
        Assert.Equal(new[] { "train", "validation" }, scalars.Select(s => s.Run).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(scalars, s => s.Tag.StartsWith("val_", StringComparison.Ordinal));
        var valLoss = scalars.Where(s => s.Run == "validation" && s.Tag == "loss").ToList();
        Assert.Equal(new long[] { 1, 2, 3 }, valLoss.Select(s => s.Step));
        Assert.Equal((float)history.Epochs[1].Validation!.Total, valLoss[1].Value);
        var trainLoss = scalars.Where(s => s.Run == "train" && s.Tag == "loss").ToList();
        Assert.Equal(new long[] { 1, 2, 3 }, trainLoss.Select(s => s.Step));
        Assert.Equal((float)history.Epochs[1].Train.Total, trainLoss[1].Value);
        var tags = (string run) => scalars.Where(s => s.Run == run && !s.Tag.StartsWith("batch/", StringComparison.Ordinal) && s.Tag != "lr").Select(s => s.Tag).ToHashSet();
        Assert.Equal(tags("train"), tags("validation"));
        Assert.Contains("label_accuracy", tags("validation"));
        Assert.Contains("ones", tags("validation"));
        Assert.Equal(3, scalars.Count(s => s.Run == "train" && s.Tag == "lr"));
        Assert.Equal(12, scalars.Count(s => s.Run == "train" && s.Tag == "batch/loss"));
        Assert.All(scalars.Where(s => s.Tag is "lr" or "batch/loss" or "batch/lr"), s => Assert.Equal("train", s.Run));
        Assert.All(scalars.Where(s => s.Tag == "batch/lr"), s => Assert.Equal(0.1f, s.Value));
    }

    [Fact]
    public void The_best_model_checkpoint_holds_the_weights_of_the_best_epoch_on_a_maximized_metric()
    {
        using var train = SyntheticData.Blobs(128, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var folder = new TempDirectory();
        string path = folder.File("best.safetensors");
        var best = new BestModelCheckpoint(path, new MetricMonitor("val_label_accuracy"));
        var snapshots = new System.Collections.Generic.List<System.Collections.Generic.Dictionary<string, TorchSharp.torch.Tensor>>();
        using var model = TinyClassifier.Create(seed: 3);
        var observer = new Observer { AfterEpoch = _ => snapshots.Add(Weights.Copy(model)) };
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 4, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.05), Callbacks = new ITrainingCallback[] { best },
        }, observer);

        double[] accuracy = history.Epochs.Select(e => e.Validation!.Accuracy["label"]).ToArray();
        int bestEpoch = Array.IndexOf(accuracy, accuracy.Max()) + 1;   // the first epoch reaching the maximum
        Assert.Equal(bestEpoch, best.BestEpoch);
        Assert.Equal(accuracy.Max(), best.Best);
        using var reloaded = TinyClassifier.Create(seed: 77);
        reloaded.LoadWeights(path, strict: true);
        Weights.AssertIdentical(snapshots[bestEpoch - 1], reloaded);
    }

    [Fact]
    public void Early_stopping_on_accuracy_in_max_mode_stops_when_it_stops_rising()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var model = TinyClassifier.Create(seed: 3);

        // The learning rate is 0: the accuracy never changes, so it improves once (epoch 1), then patience runs out.
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 10, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.0),
            EarlyStopping = new EarlyStopping(Patience: 2, Monitor: "val_label_accuracy", Mode: MonitorMode.Max),
        });
        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(1, history.BestEpoch);
        Assert.Equal(MonitorMode.Max, new MetricMonitor("val_label_f1").Direction);
        Assert.Equal(MonitorMode.Min, new MetricMonitor("val_label_mae").Direction);
    }

    [Fact]
    public void Early_stopping_on_a_training_metric_needs_no_validation_set_and_a_wrong_name_lists_the_metrics()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        TorchSharp.torch.random.manual_seed(3);
        using var model = new TinyClassifier(dropout: 0.0);
        var history = Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 5, BatchSize = 32, Optimizer = OptimizerSpec.Sgd(lr: 0.0), EarlyStopping = new EarlyStopping(Patience: 1, MinDelta: 1e-6, Monitor: "loss"),
        });
        Assert.Equal(2, history.Epochs.Count);

        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, train, null, new TrainingOptions
        {
            Epochs = 2, BatchSize = 32, EarlyStopping = new EarlyStopping(Patience: 1, Monitor: "label_acc"),
        }));
        Assert.Contains("monitors 'label_acc'", e.Message, StringComparison.Ordinal);
        Assert.Contains("label_accuracy", e.Message, StringComparison.Ordinal);
    }
}
