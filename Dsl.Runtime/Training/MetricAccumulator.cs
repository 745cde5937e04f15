using System;
using System.Collections.Generic;

namespace Dsl.Training;

/// <summary>Sums batch statistics over an epoch or a dataset: losses weighted by batch size, accuracy as counts.</summary>
internal sealed class MetricAccumulator
{
    private readonly Dictionary<string, double> _termSums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Correct, double Counted)> _accuracy = new(StringComparer.Ordinal);
    private readonly List<string> _termOrder = new();
    private readonly List<string> _accuracyOrder = new();
    private double _totalSum;
    private long _samples;

    /// <summary>Adds one batch of <paramref name="samples"/> samples.</summary>
    public void Add(BatchStatistics batch, int samples)
    {
        _samples += samples;
        _totalSum += batch.Total * samples;
        for (int i = 0; i < batch.TermNames.Length; i++)
        {
            string name = batch.TermNames[i];
            if (!_termSums.TryGetValue(name, out double sum))
            {
                _termOrder.Add(name);
            }

            _termSums[name] = sum + batch.Terms[i] * samples;
        }

        for (int i = 0; i < batch.AccuracyNames.Length; i++)
        {
            string name = batch.AccuracyNames[i];
            if (!_accuracy.TryGetValue(name, out var counts))
            {
                _accuracyOrder.Add(name);
            }

            _accuracy[name] = (counts.Correct + batch.Correct[i], counts.Counted + batch.Counted[i]);
        }
    }

    /// <summary>The means so far (NaN for an accuracy that counted no sample).</summary>
    public EvaluationMetrics Result()
    {
        double n = Math.Max(_samples, 1);
        var losses = new Dictionary<string, double>(_termOrder.Count, StringComparer.Ordinal);
        foreach (string name in _termOrder)
        {
            losses[name] = _termSums[name] / n;
        }

        var accuracy = new Dictionary<string, double>(_accuracyOrder.Count, StringComparer.Ordinal);
        foreach (string name in _accuracyOrder)
        {
            var (correct, counted) = _accuracy[name];
            accuracy[name] = counted > 0 ? correct / counted : double.NaN;
        }

        return new EvaluationMetrics(_samples > 0 ? _totalSum / n : double.NaN, losses, accuracy, _samples);
    }
}
