using System.Collections.Generic;
using System.Diagnostics;
using Dsl.Data;
using Dsl.Training;
using Examples.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// Issue #3's end-to-end check: seed 000's classifier, generated from the DSL, trained on 8,000 real embedded
/// digits for one epoch (Adam, batch 128) reaches at least 90% accuracy on the other 2,000.
/// </summary>
[Collection(Training.TrainingCollection.Name)]
public class DigitClassifierTrainingTests
{
    private readonly ITestOutputHelper output;

    public DigitClassifierTrainingTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void One_epoch_on_8000_embedded_digits_reaches_90_percent_on_the_other_2000()
    {
        using var digits = MnistData.Load();
        using var split = digits.Split();
        Assert.Equal((8_000L, 2_000L), (split.Train.Images.shape[0], split.Test.Images.shape[0]));

        using var train = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = split.Train.Images.alias(), ["label"] = split.Train.Labels.alias() });
        using var test = new TensorDataset(new Dictionary<string, Tensor> { ["image"] = split.Test.Images.alias(), ["label"] = split.Test.Labels.alias() });

        torch.manual_seed(1);
        using var model = new DigitClassifier();
        var clock = Stopwatch.StartNew();
        var history = Trainer.Fit(model, train, null, new TrainingOptions { Epochs = 1, BatchSize = 128, Seed = 1, Optimizer = OptimizerSpec.Adam() });
        clock.Stop();
        var metrics = Trainer.Evaluate(model, test);

        output.WriteLine($"DigitClassifier, 1 epoch on 8,000 digits (Adam, batch 128): {clock.Elapsed.TotalSeconds:F1} s training, " +
            $"train loss {history.Epochs[0].Train.Total:F4}, test loss {metrics.Total:F4}, test accuracy {metrics.Accuracy["label"]:P2}");
        Assert.True(metrics.Accuracy["label"] >= 0.90, $"test accuracy {metrics.Accuracy["label"]:P2} is below 90%");
    }
}
