using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Benchmarks;

/// <summary>
/// The measurements of one variant (one value per round) and their summary. On a shared, noisy machine the
/// median is the robust centre and the inter-quartile range (IQR) the honest spread.
/// </summary>
public sealed class Samples
{
    private readonly List<double> values = new();

    public Samples(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<double> Values => values;

    public void Add(double value) => values.Add(value);

    public double Median => Quantile(0.5);

    public double Min => values.Min();

    public double Max => values.Max();

    /// <summary>The inter-quartile range relative to the median, e.g. 0.04 for +-2%.</summary>
    public double RelativeIqr => (Quantile(0.75) - Quantile(0.25)) / Median;

    /// <summary>Linear-interpolated quantile (as numpy's default).</summary>
    public double Quantile(double q) => Quantile(values, q);

    public static double Quantile(IReadOnlyList<double> data, double q)
    {
        if (data.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        var sorted = data.OrderBy(v => v).ToArray();
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}

/// <summary>
/// The ratio of two variants measured in the same interleaved rounds. Each round gives one ratio (a / b of that
/// round), so a slow phase of the machine, which hits both halves of a round, cancels out; the median of the
/// per-round ratios and their inter-quartile range are reported.
/// </summary>
public sealed record PairedRatio(double Median, double Q1, double Q3, double Min, double Max)
{
    public static PairedRatio Of(Samples a, Samples b)
    {
        if (a.Values.Count != b.Values.Count)
        {
            throw new ArgumentException("Paired samples need one value of each per round.");
        }

        var ratios = a.Values.Zip(b.Values, (x, y) => x / y).ToArray();
        return new PairedRatio(
            Samples.Quantile(ratios, 0.5),
            Samples.Quantile(ratios, 0.25),
            Samples.Quantile(ratios, 0.75),
            ratios.Min(),
            ratios.Max());
    }

    public override string ToString() => $"{Median:F3} (IQR {Q1:F3}..{Q3:F3}, range {Min:F3}..{Max:F3})";
}
