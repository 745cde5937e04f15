using System.Collections.Generic;
using System.IO;
using Dsl.Training;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// The trainer's default output (<see cref="TrainingOptions.Verbose"/>): a live bar on a terminal, one line per
/// epoch when redirected, nothing when silent or when the app shows progress with its own observer.
/// </summary>
public sealed class ConsoleProgressTests
{
    private static readonly IReadOnlyDictionary<string, double> NoLosses = new Dictionary<string, double>();

    [Fact]
    public void Redirected_output_gets_one_plain_line_per_epoch_with_the_keras_metrics()
    {
        var output = new StringWriter();
        var progress = ConsoleProgress.For(TrainingVerbosity.Auto, null, output, outputIsTerminal: false);

        RunEpoch(progress, epoch: 1, epochs: 2, batches: 3);

        string text = output.ToString();
        Assert.DoesNotContain('\r', text);
        string line = Assert.Single(text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Epoch 1/2 - 3 steps - ", line);
        Assert.EndsWith(" - loss: 0.5000 - digit_accuracy: 0.7500 - val_loss: 0.6250 - val_digit_accuracy: 0.7000", line);
        Assert.DoesNotContain("top5", line);
    }

    [Fact]
    public void A_terminal_gets_the_epoch_header_and_a_bar_redrawn_in_place_that_ends_full_with_the_metrics()
    {
        var output = new StringWriter();
        var progress = ConsoleProgress.For(TrainingVerbosity.Auto, null, output, outputIsTerminal: true);

        RunEpoch(progress, epoch: 2, epochs: 3, batches: 3);

        string text = output.ToString();
        Assert.StartsWith("Epoch 2/3\n", text.Replace("\r\n", "\n"));
        // The first batch is always drawn, the last one too; loss is the running mean of the batches' totals (0.9, 0.7).
        Assert.Contains("\r1/3 [==========>...................] - ", text);
        Assert.Contains(" - loss: 0.9000", text);
        string last = text[(text.LastIndexOf('\r') + 1)..].TrimEnd();
        Assert.StartsWith("3/3 [==============================] - ", last);
        Assert.EndsWith(" - loss: 0.5000 - digit_accuracy: 0.7500 - val_loss: 0.6250 - val_digit_accuracy: 0.7000", last);
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void An_observer_of_the_app_replaces_the_default_output_unless_a_verbosity_is_named()
    {
        var output = new StringWriter();
        var own = new Observer();

        Assert.Same(own, ConsoleProgress.For(TrainingVerbosity.Auto, own, output, outputIsTerminal: true));

        var both = ConsoleProgress.For(TrainingVerbosity.Lines, own, output, outputIsTerminal: true);
        RunEpoch(both, epoch: 1, epochs: 1, batches: 3);
        Assert.Equal(3, own.Batches.Count);
        Assert.Single(own.Epochs);
        Assert.StartsWith("Epoch 1/1 - 3 steps", output.ToString());
    }

    [Fact]
    public void Silent_prints_nothing()
    {
        var output = new StringWriter();
        RunEpoch(ConsoleProgress.For(TrainingVerbosity.Silent, null, output, outputIsTerminal: true), epoch: 1, epochs: 1, batches: 3);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Several_loss_terms_are_shown_each_and_the_learning_rate_too()
    {
        var metrics = new EpochMetrics(
            1,
            new EvaluationMetrics(1.5, new Dictionary<string, double> { ["digit"] = 1.0, ["parity"] = 0.5 }, new Dictionary<string, double>(), 10),
            null,
            1.0)
        { LearningRates = new Dictionary<string, double> { ["default"] = 0.001 } };

        var output = new StringWriter();
        var progress = ConsoleProgress.For(TrainingVerbosity.Lines, null, output, outputIsTerminal: true);
        progress.OnEpochStart(1, 1);
        progress.OnEpochEnd(metrics);

        Assert.EndsWith(" - loss: 1.5000 - digit_loss: 1.0000 - parity_loss: 0.5000 - lr: 0.0010", output.ToString().TrimEnd());
    }

    private static void RunEpoch(ITrainingObserver progress, int epoch, int epochs, int batches)
    {
        progress.OnEpochStart(epoch, epochs);
        for (int batch = 0; batch < batches; batch++)
        {
            progress.OnBatchEnd(new BatchProgress(epoch, batch, batches, 0.9 - 0.4 * batch, NoLosses, 1000));
        }

        var train = new EvaluationMetrics(0.5, new Dictionary<string, double> { ["digit"] = 0.5 }, new Dictionary<string, double> { ["digit"] = 0.75 }, 96)
        {
            TopK = 5,
            TopKAccuracy = new Dictionary<string, double> { ["digit"] = 0.99 },
        };
        var validation = new EvaluationMetrics(0.625, new Dictionary<string, double> { ["digit"] = 0.625 }, new Dictionary<string, double> { ["digit"] = 0.7 }, 20);
        progress.OnEpochEnd(new EpochMetrics(epoch, train, validation, 2.5));
    }
}
