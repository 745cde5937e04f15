using System;
using Dsl.Weights;

namespace Dsl.Training.Callbacks;

/// <summary>
/// Keeps the weights of the best epoch on a monitored metric (Keras' <c>ModelCheckpoint(save_best_only=True)</c>,
/// Lightning's <c>ModelCheckpoint(monitor=...)</c>): after an epoch whose value improves on the best so far, the
/// model's state dict is written to <see cref="Path"/> atomically (<c>.safetensors</c> or TorchSharp format by the
/// extension, see <see cref="ModelWeights.Save"/>), so the file always holds a complete best model. On resume the best
/// so far is recomputed from the checkpoint's history.
/// </summary>
public sealed class BestModelCheckpoint : ITrainingCallback
{
    /// <summary>Keeps the best weights on <paramref name="watch"/> in <paramref name="path"/>.</summary>
    public BestModelCheckpoint(string path, MetricMonitor watch)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(watch);
        watch.Validate("BestModelCheckpoint");
        Path = path;
        Watch = watch;
    }

    /// <summary>The weight file.</summary>
    public string Path { get; }

    /// <summary>The monitored metric.</summary>
    public MetricMonitor Watch { get; }

    /// <summary>The best monitored value so far, or null before the first finite one.</summary>
    public double? Best { get; private set; }

    /// <summary>The epoch whose weights <see cref="Path"/> holds, or 0.</summary>
    public int BestEpoch { get; private set; }

    /// <inheritdoc/>
    public void OnTrainBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Best = null;
        BestEpoch = 0;
        foreach (var epoch in context.History)
        {
            double value = Watch.ValueIn(epoch.Scalars(), "BestModelCheckpoint");
            if (Watch.Improves(value, Best))
            {
                Best = value;
                BestEpoch = epoch.Epoch;
            }
        }
    }

    /// <inheritdoc/>
    public void OnEpochEnd(TrainingContext context, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(metrics);
        double value = Watch.ValueIn(metrics.Scalars(), "BestModelCheckpoint");
        if (!Watch.Improves(value, Best))
        {
            return;
        }

        context.Module.SaveWeights(Path);
        Best = value;
        BestEpoch = metrics.Epoch;
    }

    /// <summary>For logs: the file, the metric and the best so far.</summary>
    public override string ToString() => $"BestModelCheckpoint({Path}, {Watch.Monitor}: {Best?.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} at epoch {BestEpoch})";
}
