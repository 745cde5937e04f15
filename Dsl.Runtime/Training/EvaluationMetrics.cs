using System.Collections.Generic;

namespace Dsl.Training;

/// <summary>
/// Losses and accuracies over a dataset: every value is the mean over samples (each batch's value weighted by
/// its size).
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
    long Samples);
