using System;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training.Callbacks;

/// <summary>
/// Writes TensorBoard event files with TorchSharp's own <c>SummaryWriter</c> (<c>torch.utils.tensorboard</c>):
/// every metric of the epoch logs (<see cref="EpochMetrics.Scalars"/>, <c>lr</c> included) as a scalar at step =
/// epoch, and, every <see cref="BatchInterval"/> batches, <c>batch/loss</c> and <c>batch/lr</c> at the global batch
/// step. Open with <c>tensorboard --logdir &lt;LogDirectory&gt;</c>. A resumed run starts a new event file in the
/// same directory and logs only the epochs after the checkpoint.
/// </summary>
public sealed class TensorBoardLogger : ITrainingCallback
{
    private SummaryWriter? _writer;
    private int _batchesPerEpoch;

    /// <summary>Logs into <paramref name="logDirectory"/>, batch scalars every <paramref name="batchInterval"/> batches (0: none).</summary>
    public TensorBoardLogger(string logDirectory, int batchInterval = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(logDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(batchInterval);
        LogDirectory = logDirectory;
        BatchInterval = batchInterval;
    }

    /// <summary>The run's directory.</summary>
    public string LogDirectory { get; }

    /// <summary>Batch scalars are logged every this many batches; 0 for none.</summary>
    public int BatchInterval { get; }

    /// <inheritdoc/>
    public void OnTrainBegin(TrainingContext context)
    {
        _writer = torch.utils.tensorboard.SummaryWriter(LogDirectory);
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
            _writer.add_scalar(name, (float)value, metrics.Epoch);
        }
    }

    /// <summary>The directory's description, for logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"TensorBoardLogger({LogDirectory}, batches every {BatchInterval}, {_batchesPerEpoch} per epoch)");
}
