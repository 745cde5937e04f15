using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Training;
using Spectre.Console;
using TorchSharp;

namespace Examples.Cli;

/// <summary>
/// What a running example gets from the command line app: where to write, the console, the device, and
/// <see cref="Fit{TModel}"/>, which trains with progress bars and records every batch's loss for the loss curve.
/// </summary>
public sealed class ExampleContext
{
    private readonly List<LossSeries> series = new();
    private readonly List<OutputFile> files = new();
    private readonly Stopwatch trainingClock = new();

    public ExampleContext(string outputDirectory, IAnsiConsole console, torch.Device device, Precision precision = Precision.Float32)
    {
        OutputDirectory = outputDirectory;
        Console = console;
        Device = device;
        Precision = precision;
    }

    /// <summary>The example's output directory (<c>out/&lt;example&gt;</c>); it exists.</summary>
    public string OutputDirectory { get; }

    /// <summary>Where the example writes its messages and tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The device the models train and run on.</summary>
    public torch.Device Device { get; }

    /// <summary>The precision every <see cref="Fit{TModel}"/> trains in (<c>--precision</c>), unless the example sets one itself.</summary>
    public Precision Precision { get; }

    /// <summary>Wall time spent inside <see cref="Fit{TModel}"/>, all phases together.</summary>
    public double TrainSeconds => trainingClock.Elapsed.TotalSeconds;

    /// <summary>Raised with each model right after <see cref="Fit{TModel}"/> trained it (export-onnx captures it here).</summary>
    public event Action<torch.nn.Module>? Trained;

    /// <summary>The per-batch losses of every training phase so far, for the loss-curve picture.</summary>
    public IReadOnlyList<LossSeries> LossSeries => series;

    /// <summary>The result files queued by <see cref="AddFile"/>, in order.</summary>
    public IReadOnlyList<OutputFile> Files => files;

    /// <summary>
    /// The full path of a file in the output directory, for files the example itself must write during the run
    /// (weights it loads back); results go through <see cref="AddFile"/>.
    /// </summary>
    public string PathOf(string fileName) => Path.Combine(OutputDirectory, fileName);

    /// <summary>
    /// Queues a result file (a picture, a JSON table); the app writes it into <see cref="OutputDirectory"/>
    /// atomically after printing the result table.
    /// </summary>
    public void AddFile(string fileName, byte[] content) => files.Add(new OutputFile(fileName, content));

    /// <summary>
    /// Trains <paramref name="model"/> with <see cref="Trainer.Fit"/>, one progress bar per epoch showing every loss term
    /// and the throughput, then prints one line per epoch (train and validation losses, accuracies).
    /// </summary>
    /// <param name="phase">The phase's name in progress bars and the loss curve (<c>teacher</c>, <c>student</c>).</param>
    /// <param name="model">The model to train.</param>
    /// <param name="train">Training samples, columns named after the model's inputs and targets.</param>
    /// <param name="validation">Validation samples, or null.</param>
    /// <param name="options">Epochs, batch size, optimizer, seed, device.</param>
    public TrainingHistory Fit<TModel>(string phase, TModel model, TensorDataset train, TensorDataset? validation, TrainingOptions options)
        where TModel : torch.nn.Module, ITrainableModel
    {
        var losses = new LossSeries(phase);
        series.Add(losses);
        TrainingHistory history = null!;
        trainingClock.Start();
        try
        {
            Console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(
                    new TaskDescriptionColumn { Alignment = Justify.Left },
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new ElapsedTimeColumn(),
                    new RemainingTimeColumn())
                .Start(progress =>
                {
                    var observer = new ProgressObserver(phase, progress, losses);
                    history = Trainer.Fit(model, train, validation, options.Precision == Precision.Float32 ? options with { Precision = Precision } : options, observer);
                });
        }
        finally
        {
            trainingClock.Stop();
        }

        Trained?.Invoke(model);

        foreach (EpochMetrics epoch in history.Epochs)
        {
            Console.MarkupLineInterpolated($"[grey]{phase} epoch {epoch.Epoch}:[/] {Describe(epoch)}");
        }

        return history;
    }

    private static string Describe(EpochMetrics epoch)
    {
        string text = "train " + Describe(epoch.Train);
        if (epoch.Validation is { } validation)
        {
            text += " | validation " + Describe(validation);
        }

        return text + string.Create(CultureInfo.InvariantCulture, $" ({epoch.Seconds:F1} s)");
    }

    private static string Describe(EvaluationMetrics metrics)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"loss {metrics.Total:F4}") };
        if (metrics.Losses.Count > 1)
        {
            parts.AddRange(metrics.Losses.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value:F4}")));
        }

        parts.AddRange(metrics.Accuracy.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} acc {a.Value:P2}")));
        return string.Join(", ", parts);
    }

    /// <summary>Updates one progress task per epoch: its bar, every loss term and the samples per second.</summary>
    private sealed class ProgressObserver : ITrainingObserver
    {
        private readonly string phase;
        private readonly ProgressContext progress;
        private readonly LossSeries losses;
        private ProgressTask? task;
        private int epochs;

        public ProgressObserver(string phase, ProgressContext progress, LossSeries losses)
        {
            this.phase = phase;
            this.progress = progress;
            this.losses = losses;
        }

        public void OnEpochStart(int epoch, int epochs)
        {
            this.epochs = epochs;
            task = progress.AddTask(Markup.Escape($"{phase} {epoch}/{epochs}"), maxValue: 1);
        }

        public void OnBatchEnd(BatchProgress batch)
        {
            losses.Add(batch.Epoch - 1 + (batch.Batch + 1.0) / batch.BatchesPerEpoch, batch.Total);
            if (task is null)
            {
                return;
            }

            string terms = string.Join(" ", batch.Losses.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value:F4}")));
            task.Description = Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"{phase} {batch.Epoch}/{epochs}  {terms}  {batch.SamplesPerSecond:F0} samples/s"));
            task.MaxValue = batch.BatchesPerEpoch;
            task.Value = batch.Batch + 1;
        }

        public void OnEpochEnd(EpochMetrics metrics)
        {
            task?.StopTask();
        }
    }
}

/// <summary>The total loss of every training batch of one phase, against the epoch (fractional).</summary>
public sealed class LossSeries
{
    private readonly List<double> epochs = new();
    private readonly List<double> values = new();

    public LossSeries(string phase) => Phase = phase;

    /// <summary>The training phase (<c>teacher</c>, <c>student</c>, <c>train</c>).</summary>
    public string Phase { get; }

    /// <summary>Epoch positions: 0.5 is the middle of the first epoch.</summary>
    public IReadOnlyList<double> Epochs => epochs;

    /// <summary>The batches' total losses.</summary>
    public IReadOnlyList<double> Values => values;

    public void Add(double epoch, double value)
    {
        epochs.Add(epoch);
        values.Add(value);
    }
}
