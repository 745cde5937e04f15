using System;
using System.Globalization;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Callbacks;

/// <summary>
/// Writes TensorBoard event files with TorchSharp's own <c>SummaryWriter</c> (<c>torch.utils.tensorboard</c>), the way
/// Keras' TensorBoard callback lays them out: two runs, <c>train/</c> and <c>validation/</c> under
/// <see cref="LogDirectory"/>, that log each metric under the same tag (<c>loss</c>, <c>label_accuracy</c>, a custom
/// metric's name), so TensorBoard draws the training and the validation curve of a metric on one chart. Every metric
/// of the epoch logs (<see cref="EpochMetrics.Scalars"/>) is a scalar at step = epoch: the training ones and
/// <c>lr</c> (<c>lr/&lt;group&gt;</c>) in <c>train/</c>, the validation ones without their <c>val_</c> prefix in
/// <c>validation/</c>; every <see cref="BatchInterval"/> batches, <c>batch/loss</c> and <c>batch/lr</c> at the global
/// batch step in <c>train/</c>. Open with <c>tensorboard --logdir &lt;LogDirectory&gt;</c>. A resumed run starts new
/// event files in the same folders and logs only the epochs after the checkpoint.
/// </summary>
public sealed class TensorBoardLogger : ITrainingCallback
{
    /// <summary>The run folder of the training metrics, under <see cref="LogDirectory"/>.</summary>
    public const string TrainRun = "train";

    /// <summary>The run folder of the validation metrics, under <see cref="LogDirectory"/>.</summary>
    public const string ValidationRun = "validation";

    private SummaryWriter? _writer;
    private SummaryWriter? _validationWriter;
    private int _batchesPerEpoch;

    /// <summary>Logs into <paramref name="logDirectory"/>, batch scalars every <paramref name="batchInterval"/> batches (0: none).</summary>
    public TensorBoardLogger(string logDirectory, int batchInterval = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(logDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(batchInterval);
        LogDirectory = logDirectory;
        BatchInterval = batchInterval;
    }

    /// <summary>The directory holding the <c>train/</c> and <c>validation/</c> runs.</summary>
    public string LogDirectory { get; }

    /// <summary>Batch scalars are logged every this many batches; 0 for none.</summary>
    public int BatchInterval { get; }

    /// <inheritdoc/>
    public void OnTrainBegin(TrainingContext context)
    {
        _writer = torch.utils.tensorboard.SummaryWriter(Path.Combine(LogDirectory, TrainRun));
        _validationWriter = null;
    }

    /// <inheritdoc/>
    public void OnBatchEnd(TrainingContext context, BatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _batchesPerEpoch = progress.BatchesPerEpoch;
        if (_writer is null || BatchInterval == 0 || progress.Batch % BatchInterval != 0)
        {
            return;
        }

        int step = ((progress.Epoch - 1) * progress.BatchesPerEpoch) + progress.Batch;
        _writer.add_scalar("batch/loss", (float)progress.Total, step);
        _writer.add_scalar("batch/lr", (float)progress.LearningRate, step);
    }

    /// <inheritdoc/>
    public void OnEpochEnd(TrainingContext context, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (_writer is null)
        {
            throw new InvalidOperationException("TensorBoardLogger: OnTrainBegin was not called; pass the logger in TrainingOptions.Callbacks.");
        }

        foreach (var (name, value) in metrics.Scalars())
        {
            if (!name.StartsWith("val_", StringComparison.Ordinal))
            {
                _writer.add_scalar(name, (float)value, metrics.Epoch);
            }
        }

        if (metrics.Validation is { } validation)
        {
            _validationWriter ??= torch.utils.tensorboard.SummaryWriter(Path.Combine(LogDirectory, ValidationRun));
            foreach (var (name, value) in validation.Scalars())
            {
                _validationWriter.add_scalar(name, (float)value, metrics.Epoch);
            }
        }
    }

    /// <summary>The directory's description, for logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"TensorBoardLogger({LogDirectory}, batches every {BatchInterval}, {_batchesPerEpoch} per epoch)");
}
