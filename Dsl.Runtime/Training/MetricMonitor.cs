using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Training;

/// <summary>
/// Watches one metric of the epoch logs (<see cref="EpochMetrics.Scalars"/>): whether a value improves on the best
/// so far by more than a minimum delta, in the monitored direction. Shared by early stopping, best-model
/// checkpoints and reduce-on-plateau.
/// </summary>
/// <param name="Monitor">The metric's name (<c>val_loss</c>, <c>val_label_accuracy</c>, ...).</param>
/// <param name="Mode">Which direction improves.</param>
/// <param name="MinDelta">The change that counts as an improvement (>= 0).</param>
public sealed record MetricMonitor(string Monitor, MonitorMode Mode = MonitorMode.Auto, double MinDelta = 0.0)
{
    private static readonly string[] HigherIsBetter = { "accuracy", "precision", "recall", "f1", "r2" };

    /// <summary>The direction after resolving <see cref="MonitorMode.Auto"/> from the name.</summary>
    public MonitorMode Direction => Mode != MonitorMode.Auto
        ? Mode
        : HigherIsBetter.Any(suffix => Monitor.EndsWith(suffix, StringComparison.Ordinal)) ? MonitorMode.Max : MonitorMode.Min;

    /// <summary>Whether <paramref name="value"/> improves on <paramref name="best"/> (always, when there is no best yet and the value is finite).</summary>
    public bool Improves(double value, double? best) =>
        double.IsFinite(value) && (best is null || (Direction == MonitorMode.Max ? value > best.Value + MinDelta : value < best.Value - MinDelta));

    /// <summary>The monitored value in <paramref name="logs"/>.</summary>
    /// <exception cref="ArgumentException">The logs have no such metric; the message lists those they have.</exception>
    public double ValueIn(IReadOnlyDictionary<string, double> logs, string who)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (logs.TryGetValue(Monitor, out double value))
        {
            return value;
        }

        throw new ArgumentException(
            $"{who} monitors '{Monitor}', but the epoch logs have no such metric. Available: {string.Join(", ", logs.Keys)}. " +
            "Validation metrics start with 'val_' and need a validation dataset; term metrics are named '<term>_loss', '<term>_accuracy', ...");
    }

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate(string who)
    {
        if (string.IsNullOrWhiteSpace(Monitor))
        {
            throw new ArgumentException($"{who}: the monitored metric name is empty (for example \"val_loss\" or \"val_label_accuracy\").");
        }

        if (!(MinDelta >= 0) || double.IsInfinity(MinDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, $"{who}: MinDelta must be a finite number >= 0.");
        }
    }
}
