using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Dsl.Training;

/// <summary>
/// Training stopped because a batch's loss (or its gradients) was NaN or infinite. The model keeps the weights
/// of the last finite step: the failing batch never reaches the optimizer. <see cref="FirstNonFinite"/> and
/// <see cref="NonFiniteTensor"/> say which tensor first held NaN or infinity, in the order data flows: an input, target or
/// mask column of the batch, a weight, an output, a loss term, or a gradient.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="epoch"/> and <paramref name="batch"/>.</summary>
    public TrainingDivergedException(int epoch, int batch, string what, double total, IReadOnlyDictionary<string, double> terms)
        : this(epoch, batch, what, total, terms, DivergenceSource.Unknown, null, null)
    {
    }

    /// <summary>Creates the exception with the first non-finite tensor found (<paramref name="detail"/> describes it).</summary>
    public TrainingDivergedException(
        int epoch, int batch, string what, double total, IReadOnlyDictionary<string, double> terms, DivergenceSource source, string? tensor, string? detail)
        : base(Describe(epoch, batch, what, total, terms, source, detail))
    {
        Epoch = epoch;
        Batch = batch;
        Total = total;
        Terms = terms;
        FirstNonFinite = source;
        NonFiniteTensor = tensor;
    }

    /// <summary>Which kind of tensor first held NaN or infinity.</summary>
    public DivergenceSource FirstNonFinite { get; }

    /// <summary>Its name: the batch column, the state-dict entry, the output or the loss term; null when unknown.</summary>
    public string? NonFiniteTensor { get; }

    /// <summary>The epoch (from 1) of the failing batch.</summary>
    public int Epoch { get; }

    /// <summary>The batch index (from 0) in the epoch.</summary>
    public int Batch { get; }

    /// <summary>The batch's total loss.</summary>
    public double Total { get; }

    /// <summary>The batch's loss terms by name.</summary>
    public IReadOnlyDictionary<string, double> Terms { get; }

    private static string Describe(int epoch, int batch, string what, double total, IReadOnlyDictionary<string, double> terms, DivergenceSource source, string? detail)
    {
        string values = string.Join(", ", terms.Select(t => $"{t.Key} = {Format(t.Value)}"));
        string first = detail is null ? "" : $" The first non-finite tensor: {detail}.";
        string fix = source switch
        {
            DivergenceSource.Input or DivergenceSource.Target or DivergenceSource.Mask =>
                "To fix: clean that column of the dataset (replace or drop the samples holding NaN or infinity) before training.",
            DivergenceSource.Weight =>
                "To fix: the weights were not finite before this batch: check the weights loaded into the model (LoadWeights reports non-finite values).",
            DivergenceSource.Output or DivergenceSource.Loss =>
                "To fix: the forward pass or the loss overflowed from finite values: lower the learning rate, normalize the inputs, or clip gradients (TrainingOptions.GradientClipNorm).",
            DivergenceSource.Gradient =>
                "To fix: the backward pass overflowed: lower the learning rate or clip gradients (TrainingOptions.GradientClipNorm).",
            _ => "To fix: lower the learning rate, check the inputs for NaN, or clip gradients (TrainingOptions.GradientClipNorm).",
        };
        return $"Training diverged at epoch {epoch}, batch {batch}: {what} (total = {Format(total)}; {values}).{first} " +
            $"The weights are those of the last finite step. {fix}";
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
