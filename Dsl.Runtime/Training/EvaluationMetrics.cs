using System.Collections.Generic;

namespace Dsl.Training;

/// <summary>
/// Losses and metrics over a dataset: every loss is the mean over samples (each batch's value weighted by its
/// size); accuracies, confusion matrices and regression metrics are computed from counts and sums over all samples.
/// </summary>
/// <param name="Total">The weighted total loss.</param>
/// <param name="Losses">Every loss term by name, unweighted.</param>
/// <param name="Accuracy">
/// The accuracy of every classification term (<see cref="Dsl.Metadata.LossInfo.IsClassification"/>) by term
/// name, in [0, 1]; for a masked term, over the samples whose mask is 1 only.
/// </param>
/// <param name="Samples">The number of samples seen.</param>
public sealed record EvaluationMetrics(
    double Total,
    IReadOnlyDictionary<string, double> Losses,
    IReadOnlyDictionary<string, double> Accuracy,
    long Samples)
{
    /// <summary>The k of <see cref="TopKAccuracy"/> (<see cref="TrainingOptions.TopK"/>).</summary>
    public int TopK { get; init; }

    /// <summary>
    /// Top-k accuracy of every classification term with more than <see cref="TopK"/> classes: the share of samples
    /// whose class is among the k highest scores.
    /// </summary>
    public IReadOnlyDictionary<string, double> TopKAccuracy { get; init; } = new Dictionary<string, double>();

    /// <summary>Confusion matrix, precision, recall and F1 of every classification term.</summary>
    public IReadOnlyDictionary<string, ClassificationReport> Classification { get; init; } = new Dictionary<string, ClassificationReport>();

    /// <summary>MAE, MSE and R² of every Mse / Mae term with a target column.</summary>
    public IReadOnlyDictionary<string, RegressionReport> Regression { get; init; } = new Dictionary<string, RegressionReport>();

    /// <summary>The <see cref="TrainingOptions.Metrics"/> by name: each the mean over samples of its batch values.</summary>
    public IReadOnlyDictionary<string, double> Custom { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Every number as a flat Keras-style log, with <paramref name="prefix"/> (<c>"val_"</c>) before each name:
    /// <c>loss</c>, <c>&lt;term&gt;_loss</c>, <c>&lt;term&gt;_accuracy</c>, <c>&lt;term&gt;_top5_accuracy</c>,
    /// <c>&lt;term&gt;_precision</c> / <c>_recall</c> / <c>_f1</c> (macro), <c>&lt;term&gt;_mae</c> / <c>_mse</c> / <c>_r2</c>, and each custom metric by its name.
    /// </summary>
    public IReadOnlyDictionary<string, double> Scalars(string prefix = "")
    {
        var values = new Dictionary<string, double>(System.StringComparer.Ordinal) { [prefix + "loss"] = Total };
        foreach (var (name, value) in Losses)
        {
            values[$"{prefix}{name}_loss"] = value;
        }

        foreach (var (name, value) in Accuracy)
        {
            values[$"{prefix}{name}_accuracy"] = value;
        }

        foreach (var (name, value) in TopKAccuracy)
        {
            values[$"{prefix}{name}_top{TopK}_accuracy"] = value;
        }

        foreach (var (name, report) in Classification)
        {
            values[$"{prefix}{name}_precision"] = report.MacroPrecision;
            values[$"{prefix}{name}_recall"] = report.MacroRecall;
            values[$"{prefix}{name}_f1"] = report.MacroF1;
        }

        foreach (var (name, report) in Regression)
        {
            values[$"{prefix}{name}_mae"] = report.Mae;
            values[$"{prefix}{name}_mse"] = report.Mse;
            values[$"{prefix}{name}_r2"] = report.R2;
        }

        foreach (var (name, value) in Custom)
        {
            values[prefix + name] = value;
        }

        return values;
    }
}
