using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Metadata;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>The numbers one batch contributes to the metrics, read from the device in a single transfer.</summary>
/// <param name="Total">The weighted total loss.</param>
/// <param name="TermNames">The loss terms' names, in declaration order.</param>
/// <param name="Terms">The loss terms' values, same order.</param>
/// <param name="AccuracyNames">The classification terms' names.</param>
/// <param name="Correct">Correct predictions per classification term (masked samples only, when masked).</param>
/// <param name="Counted">Predictions counted per classification term.</param>
internal sealed record BatchStatistics(
    double Total,
    string[] TermNames,
    double[] Terms,
    string[] AccuracyNames,
    double[] Correct,
    double[] Counted)
{
    /// <summary>True when the total and every term are finite.</summary>
    public bool IsFinite => double.IsFinite(Total) && Terms.All(double.IsFinite);

    /// <summary>The terms by name.</summary>
    public IReadOnlyDictionary<string, double> TermsByName()
    {
        var terms = new Dictionary<string, double>(TermNames.Length, StringComparer.Ordinal);
        for (int i = 0; i < TermNames.Length; i++)
        {
            terms[TermNames[i]] = Terms[i];
        }

        return terms;
    }

    /// <summary>
    /// Reads the losses of <paramref name="result"/> and, for every classification term of
    /// <paramref name="info"/>, counts correct predictions: argmax over dim 1 of the prediction against the
    /// target column, restricted to samples whose mask is 1 when the term is masked. Call inside a dispose scope.
    /// </summary>
    public static BatchStatistics Compute(ModelInfo info, StepResult result, IReadOnlyDictionary<string, Tensor> batch)
    {
        var terms = result.Losses.Terms;
        var classification = info.Losses.Where(l => l.IsClassification && l.Target is not null).ToArray();

        var values = new List<Tensor>(1 + terms.Count + 2 * classification.Length)
        {
            result.Losses.Total.detach().to(ScalarType.Float64).reshape(1),
        };
        values.AddRange(terms.Select(t => t.Value.detach().to(ScalarType.Float64).reshape(1)));
        foreach (var term in classification)
        {
            var (correct, counted) = CountCorrect(term, result, batch);
            values.Add(correct.to(ScalarType.Float64).reshape(1));
            values.Add(counted.to(ScalarType.Float64).reshape(1));
        }

        double[] all = cat(values, 0).cpu().data<double>().ToArray();
        int n = terms.Count;
        int k = classification.Length;
        return new BatchStatistics(
            all[0],
            terms.Select(t => t.Name).ToArray(),
            all.AsSpan(1, n).ToArray(),
            classification.Select(c => c.Name).ToArray(),
            Enumerable.Range(0, k).Select(i => all[1 + n + 2 * i]).ToArray(),
            Enumerable.Range(0, k).Select(i => all[2 + n + 2 * i]).ToArray());
    }

    private static (Tensor Correct, Tensor Counted) CountCorrect(LossInfo term, StepResult result, IReadOnlyDictionary<string, Tensor> batch)
    {
        if (!result.Outputs.TryGetValue(term.Prediction, out var prediction))
        {
            throw new InvalidOperationException(
                $"Loss term '{term.Name}' is a classification term reading '{term.Prediction}', but the model's outputs are " +
                $"[{string.Join(", ", result.Outputs.Keys)}]: accuracy needs the prediction among the outputs.");
        }

        var target = Column(batch, term.Target!, term);
        var hits = prediction.detach().argmax(1).eq(target);
        if (term.Mask is null)
        {
            return (hits.sum(), tensor(hits.numel(), ScalarType.Float64, hits.device));
        }

        var mask = Column(batch, term.Mask, term).gt(0.5);
        return (hits.logical_and(mask).sum(), mask.sum());
    }

    private static Tensor Column(IReadOnlyDictionary<string, Tensor> batch, string name, LossInfo term) =>
        batch.TryGetValue(name, out var column)
            ? column
            : throw new ArgumentException(
                $"Loss term '{term.Name}' needs the column '{name}', but the batch has [{string.Join(", ", batch.Keys)}].");
}
