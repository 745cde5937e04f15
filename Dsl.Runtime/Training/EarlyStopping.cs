using System;

namespace Dsl.Training;

/// <summary>
/// Stops training when the monitored metric (by default the validation total loss) has not improved by more than
/// <see cref="MinDelta"/> for <see cref="Patience"/> epochs in a row, as Keras' <c>EarlyStopping</c>. A <c>val_</c>
/// metric needs a validation dataset.
/// </summary>
/// <param name="Patience">Epochs without improvement tolerated before stopping (at least 1).</param>
/// <param name="MinDelta">The change of the metric that counts as an improvement.</param>
/// <param name="RestoreBestWeights">
/// When training ends by early stopping or by running all epochs, load the weights of the epoch with the best
/// monitored value (not on cancellation or divergence).
/// </param>
/// <param name="Monitor">
/// The metric of the epoch logs (<see cref="EpochMetrics.Scalars"/>): <c>val_loss</c>, <c>val_label_accuracy</c>,
/// <c>val_label_f1</c>, <c>loss</c>, ...
/// </param>
/// <param name="Mode">Whether lower or higher is better; <see cref="MonitorMode.Auto"/> decides from the name.</param>
public sealed record EarlyStopping(int Patience, double MinDelta = 0.0, bool RestoreBestWeights = true, string Monitor = "val_loss", MonitorMode Mode = MonitorMode.Auto)
{
    /// <summary>The monitored metric with its direction and minimum delta.</summary>
    public MetricMonitor Watch => new(Monitor, Mode, MinDelta);

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        if (Patience < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "EarlyStopping.Patience must be at least 1.");
        }

        if (!(MinDelta >= 0) || double.IsInfinity(MinDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "EarlyStopping.MinDelta must be a finite number >= 0.");
        }

        Watch.Validate("EarlyStopping");
    }
}
