using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Training;

/// <summary>Sums batch statistics over an epoch or a dataset: losses weighted by batch size, classification and regression metrics as counts and sums.</summary>
internal sealed class MetricAccumulator
{
    private readonly Dictionary<string, double> _termSums = new(StringComparer.Ordinal);
    private readonly List<string> _termOrder = new();
    private readonly Dictionary<string, ClassificationCounts> _classification = new(StringComparer.Ordinal);
    private readonly List<string> _classificationOrder = new();
    private readonly Dictionary<string, RegressionSums> _regression = new(StringComparer.Ordinal);
    private readonly List<string> _regressionOrder = new();
    private readonly Dictionary<string, double> _customSums = new(StringComparer.Ordinal);
    private readonly List<string> _customOrder = new();
    private readonly int _topK;
    private double _totalSum;
    private long _samples;

    /// <summary>Creates an empty accumulator reporting top-<paramref name="topK"/> accuracy.</summary>
    public MetricAccumulator(int topK = 5)
    {
        _topK = topK;
    }

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

        foreach (var (name, value) in batch.Custom)
        {
            if (!_customSums.TryGetValue(name, out double sum))
            {
                _customOrder.Add(name);
            }

            _customSums[name] = sum + (value * samples);
        }

        foreach (var counts in batch.Classification)
        {
            if (!_classification.TryGetValue(counts.Name, out var seen))
            {
                _classificationOrder.Add(counts.Name);
                _classification[counts.Name] = counts with { Confusion = counts.Confusion.Select(r => (long[])r.Clone()).ToArray() };
                continue;
            }

            for (int t = 0; t < seen.Confusion.Length; t++)
            {
                for (int p = 0; p < seen.Confusion[t].Length; p++)
                {
                    seen.Confusion[t][p] += counts.Confusion[t][p];
                }
            }

            _classification[counts.Name] = seen with
            {
                Correct = seen.Correct + counts.Correct,
                Counted = seen.Counted + counts.Counted,
                TopKCorrect = seen.TopKCorrect + counts.TopKCorrect,
            };
        }

        foreach (var sums in batch.Regression)
        {
            if (!_regression.TryGetValue(sums.Name, out var seen))
            {
                _regressionOrder.Add(sums.Name);
                _regression[sums.Name] = sums;
                continue;
            }

            _regression[sums.Name] = new RegressionSums(
                sums.Name,
                seen.AbsoluteError + sums.AbsoluteError,
                seen.SquaredError + sums.SquaredError,
                seen.Target + sums.Target,
                seen.TargetSquared + sums.TargetSquared,
                seen.Count + sums.Count);
        }
    }

    /// <summary>The means so far (NaN for a metric that counted no sample).</summary>
    public EvaluationMetrics Result()
    {
        double n = Math.Max(_samples, 1);
        var losses = new Dictionary<string, double>(_termOrder.Count, StringComparer.Ordinal);
        foreach (string name in _termOrder)
        {
            losses[name] = _termSums[name] / n;
        }

        var accuracy = new Dictionary<string, double>(StringComparer.Ordinal);
        var topK = new Dictionary<string, double>(StringComparer.Ordinal);
        var reports = new Dictionary<string, ClassificationReport>(StringComparer.Ordinal);
        foreach (string name in _classificationOrder)
        {
            var counts = _classification[name];
            accuracy[name] = counts.Counted > 0 ? counts.Correct / counts.Counted : double.NaN;
            if (!double.IsNaN(counts.TopKCorrect))
            {
                topK[name] = counts.Counted > 0 ? counts.TopKCorrect / counts.Counted : double.NaN;
            }

            reports[name] = new ClassificationReport(counts.Confusion);
        }

        var regression = new Dictionary<string, RegressionReport>(StringComparer.Ordinal);
        foreach (string name in _regressionOrder)
        {
            var sums = _regression[name];
            double count = sums.Count;
            double totalSquares = sums.TargetSquared - (sums.Target * sums.Target / Math.Max(count, 1));
            regression[name] = count > 0
                ? new RegressionReport(sums.AbsoluteError / count, sums.SquaredError / count, totalSquares > 0 ? 1 - (sums.SquaredError / totalSquares) : double.NaN)
                : new RegressionReport(double.NaN, double.NaN, double.NaN);
        }

        return new EvaluationMetrics(_samples > 0 ? _totalSum / n : double.NaN, losses, accuracy, _samples)
        {
            TopK = _topK,
            TopKAccuracy = topK,
            Classification = reports,
            Regression = regression,
            Custom = _customOrder.ToDictionary(name => name, name => _customSums[name] / n, StringComparer.Ordinal),
        };
    }
}
