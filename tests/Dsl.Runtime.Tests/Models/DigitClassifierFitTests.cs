using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Runtime.Tests.Training;
using Dsl.Training;
using Dsl.Training.Callbacks;
using Dsl.Training.Schedules;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// Issue #18's end-to-end check: seed 000's classifier trained as a Keras / Lightning user would, with AdamW and a
/// cosine schedule with warm-up, TensorBoard events (read back), a CSV log, the best checkpoint by validation
/// accuracy, and precision / recall / F1 of the result.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class DigitClassifierFitTests
{
    private readonly ITestOutputHelper output;

    public DigitClassifierFitTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void AdamW_with_a_cosine_schedule_logs_to_tensorboard_and_csv_and_keeps_the_best_checkpoint_by_validation_accuracy()
    {
        using var digits = MnistData.Load();
        using var split = digits.Split();
        using var train = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = split.Train.Images[..768].alias(), ["label"] = split.Train.Labels[..768].alias() });
        using var validation = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = split.Test.Images[..256].alias(), ["label"] = split.Test.Labels[..256].alias() });
        using var folder = new TempDirectory();

        var board = new TensorBoardLogger(folder.File("tensorboard"), batchInterval: 4);
        var best = new BestModelCheckpoint(folder.File("best.safetensors"), new MetricMonitor("val_label_accuracy"));
        random.manual_seed(1);
        using var model = new DigitClassifier();
        var history = Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 3,
            BatchSize = 64,
            Seed = 1,
            Optimizer = OptimizerSpec.AdamW(lr: 2e-3, weightDecay: 0.01),
            Schedule = LearningRateSchedule.CosineWithWarmup(warmupSteps: 6),
            Callbacks = new ITrainingCallback[] { board, new CsvLogger(folder.File("metrics.csv")), best },
        });

        // The schedule: a warm-up over 6 of the 36 batches, then a decay (logged per epoch as lr).
        double[] lr = history.Epochs.Select(e => e.Scalars()["lr"]).ToArray();
        Assert.True(lr[0] > lr[1] && lr[1] > lr[2], $"the cosine decay should lower the rate every epoch: {string.Join(", ", lr)}");

        // TensorBoard events, read back.
        var scalars = TensorBoardEvents.ScalarsByRun(board.LogDirectory);
        Assert.Equal(new long[] { 1, 2, 3 }, scalars.Where(s => s.Run == "validation" && s.Tag == "label_accuracy").Select(s => s.Step));
        Assert.Equal((float)history.Epochs[2].Validation!.Accuracy["label"], scalars.Last(s => s.Run == "validation" && s.Tag == "label_accuracy").Value);
        Assert.Equal(9, scalars.Count(s => s.Tag == "batch/lr"));

        // The CSV log: a header and one row per epoch.
        string[] csv = File.ReadAllLines(folder.File("metrics.csv"));
        Assert.Equal(4, csv.Length);
        Assert.Contains("val_label_f1", csv[0].Split(','));

        // The best checkpoint by validation accuracy gives that accuracy again.
        double[] accuracy = history.Epochs.Select(e => e.Validation!.Accuracy["label"]).ToArray();
        Assert.Equal(accuracy.Max(), best.Best);
        using var reloaded = new DigitClassifier();
        reloaded.LoadWeights(folder.File("best.safetensors"), strict: true);
        var metrics = Trainer.Evaluate(reloaded, validation);
        Assert.Equal(accuracy.Max(), metrics.Accuracy["label"], 12);

        // Precision / recall / F1 of the result.
        var report = metrics.Classification["label"];
        output.WriteLine($"best epoch {best.BestEpoch}: accuracy {metrics.Accuracy["label"]:P2}, macro precision {report.MacroPrecision:P2}, " +
            $"recall {report.MacroRecall:P2}, F1 {report.MacroF1:P2}, top-5 {metrics.TopKAccuracy["label"]:P2}\n{report}");
        Assert.True(metrics.Accuracy["label"] >= 0.75, $"validation accuracy {metrics.Accuracy["label"]:P2} is below 75%");
        Assert.True(report.MacroF1 >= 0.70, $"macro F1 {report.MacroF1:P2} is below 70%");
        Assert.Equal(256, report.ConfusionMatrix.Sum(r => r.Sum()));
        Assert.True(metrics.TopKAccuracy["label"] >= metrics.Accuracy["label"]);
    }
}
