using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Training;

/// <summary>
/// Precision, recall and F1 of a classification term, per class and macro-averaged, from its confusion matrix
/// (rows: true class, columns: predicted class, as scikit-learn and Keras print it). A class never predicted has
/// precision 0, a class never present has recall 0 (scikit-learn's <c>zero_division=0</c>); the macro averages run
/// over the classes that occur as a truth or a prediction, so unused class slots do not drag them to 0.
/// </summary>
/// <param name="ConfusionMatrix">Counts: <c>ConfusionMatrix[truth][predicted]</c>, over the samples counted (masked ones only for a masked term).</param>
public sealed record ClassificationReport(IReadOnlyList<long[]> ConfusionMatrix)
{
    /// <summary>The number of classes (the prediction's size along dim 1).</summary>
    public int Classes => ConfusionMatrix.Count;

    /// <summary>Per class: correct predictions of the class over all predictions of it.</summary>
    public double[] Precision => Enumerable.Range(0, Classes).Select(c => Ratio(ConfusionMatrix[c][c], Column(c))).ToArray();

    /// <summary>Per class: correct predictions of the class over all samples of it.</summary>
    public double[] Recall => Enumerable.Range(0, Classes).Select(c => Ratio(ConfusionMatrix[c][c], ConfusionMatrix[c].Sum())).ToArray();

    /// <summary>Per class: the harmonic mean of precision and recall (0 when both are 0).</summary>
    public double[] F1
    {
        get
        {
            double[] precision = Precision;
            double[] recall = Recall;
            return precision.Zip(recall, (p, r) => p + r > 0 ? 2 * p * r / (p + r) : 0.0).ToArray();
        }
    }

    /// <summary>The mean precision over the classes that occur.</summary>
    public double MacroPrecision => Macro(Precision);

    /// <summary>The mean recall over the classes that occur.</summary>
    public double MacroRecall => Macro(Recall);

    /// <summary>The mean F1 over the classes that occur.</summary>
    public double MacroF1 => Macro(F1);

    /// <summary>The matrix as aligned text, one row per true class, for logs.</summary>
    public override string ToString()
    {
        int width = Math.Max(5, ConfusionMatrix.SelectMany(r => r).DefaultIfEmpty(0).Max().ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1);
        var lines = new List<string> { "truth\\pred" + string.Concat(Enumerable.Range(0, Classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))) };
        for (int t = 0; t < Classes; t++)
        {
            lines.Add(t.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(10)
                + string.Concat(ConfusionMatrix[t].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))));
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Equal counts.</summary>
    public bool Equals(ClassificationReport? other) =>
        other is not null && other.Classes == Classes && ConfusionMatrix.Zip(other.ConfusionMatrix).All(p => p.First.SequenceEqual(p.Second));

    /// <inheritdoc/>
    public override int GetHashCode() => ConfusionMatrix.Aggregate(Classes, (h, row) => HashCode.Combine(h, row.Aggregate(0L, (a, n) => a * 31 + n)));

    private long Column(int c) => ConfusionMatrix.Sum(row => row[c]);

    private double Macro(double[] values)
    {
        var occurring = Enumerable.Range(0, Classes).Where(c => ConfusionMatrix[c].Sum() > 0 || Column(c) > 0).ToArray();
        return occurring.Length == 0 ? double.NaN : occurring.Average(c => values[c]);
    }

    private static double Ratio(long numerator, long denominator) => denominator > 0 ? (double)numerator / denominator : 0.0;
}
