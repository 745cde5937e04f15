using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Dsl.Training;

/// <summary>
/// Training stopped because a batch's loss (or its gradients) was NaN or infinite. The model keeps the weights
/// of the last finite step: the failing batch never reaches the optimizer.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="epoch"/> and <paramref name="batch"/>.</summary>
    public TrainingDivergedException(int epoch, int batch, string what, double total, IReadOnlyDictionary<string, double> terms)
        : base(Describe(epoch, batch, what, total, terms))
    {
        Epoch = epoch;
        Batch = batch;
        Total = total;
        Terms = terms;
    }

    /// <summary>The epoch (from 1) of the failing batch.</summary>
    public int Epoch { get; }

    /// <summary>The batch index (from 0) in the epoch.</summary>
    public int Batch { get; }

    /// <summary>The batch's total loss.</summary>
    public double Total { get; }

    /// <summary>The batch's loss terms by name.</summary>
    public IReadOnlyDictionary<string, double> Terms { get; }

    private static string Describe(int epoch, int batch, string what, double total, IReadOnlyDictionary<string, double> terms)
    {
        string values = string.Join(", ", terms.Select(t => $"{t.Key} = {Format(t.Value)}"));
        return $"Training diverged at epoch {epoch}, batch {batch}: {what} (total = {Format(total)}; {values}). " +
            "The weights are those of the last finite step. To fix: lower the learning rate, check the inputs for NaN, or clip gradients (TrainingOptions.GradientClipNorm).";
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
