using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dsl.Metadata;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>The numbers one batch contributes to the metrics, read from the device in a single transfer.</summary>
/// <param name="Total">The weighted total loss.</param>
/// <param name="TermNames">The loss terms' names, in declaration order.</param>
/// <param name="Terms">The loss terms' values, same order.</param>
/// <param name="Classification">Counts of every classification term.</param>
/// <param name="Regression">Sums of every regression term.</param>
internal sealed record BatchStatistics(
    double Total,
    string[] TermNames,
    double[] Terms,
    IReadOnlyList<ClassificationCounts> Classification,
    IReadOnlyList<RegressionSums> Regression)
{
    /// <summary>The losses whose run-time implementation asks for regression metrics (<see cref="RunTimeLossAttribute.RegressionMetrics"/>).</summary>
    private static readonly HashSet<string> RegressionKinds = typeof(LossFunctions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Select(m => m.GetCustomAttribute<RunTimeLossAttribute>())
        .Where(a => a is { RegressionMetrics: true })
        .Select(a => a!.Kind)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The batch's value of every <see cref="TrainingOptions.Metrics"/> entry, in order.</summary>
    public IReadOnlyList<(string Name, double Value)> Custom { get; init; } = Array.Empty<(string, double)>();

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
    /// Reads the losses of <paramref name="result"/>; for every classification term of <paramref name="info"/>
    /// counts correct and top-<paramref name="topK"/> predictions (argmax / top-k over dim 1 against the target column)
    /// and the confusion matrix (the classes on the term's class axis, so a sequence counts every position); for every
    /// Mse / Mae term with a target column sums the errors and the targets. Masked terms count only samples (or
    /// positions) whose mask is above 0.5, and ignored class indices are not counted. Call inside a dispose scope.
    /// </summary>
    public static BatchStatistics Compute(ModelInfo info, StepResult result, IReadOnlyDictionary<string, Tensor> batch, int topK = 5, IReadOnlyList<CustomMetric>? custom = null)
    {
        var terms = result.Losses.Terms;
        var classification = info.Losses.Where(l => l.IsClassification && l.Target is not null).ToArray();
        var regression = info.Losses.Where(l => RegressionKinds.Contains(l.Kind) && l.Target is not null).ToArray();

        var values = new List<Tensor>
        {
            result.Losses.Total.detach().to(ScalarType.Float64).reshape(1),
        };
        values.AddRange(terms.Select(t => t.Value.detach().to(ScalarType.Float64).reshape(1)));
        var classes = new int[classification.Length];
        var withTopK = new bool[classification.Length];
        for (int i = 0; i < classification.Length; i++)
        {
            var term = classification[i];
            var (read, target, mask) = Operands(term, result, batch);
            var prediction = term.ClassDim == 1 ? read : read.movedim(new long[] { term.ClassDim }, new long[] { 1 });
            classes[i] = (int)prediction.shape[1];
            withTopK[i] = classes[i] > topK;
            var predicted = prediction.argmax(1);
            var selected = mask is null ? ones_like(target, ScalarType.Bool) : Spread(mask.gt(0.5), target);
            if (term.IgnoreIndex is long ignored)
            {
                selected = selected.logical_and(target.ne(ignored));
            }

            var hits = predicted.eq(target).logical_and(selected);
            values.Add(hits.sum().to(ScalarType.Float64).reshape(1));
            values.Add(selected.sum().to(ScalarType.Float64).reshape(1));
            if (withTopK[i])
            {
                var inTop = prediction.topk(topK, 1).indexes.eq(target.unsqueeze(1)).any(1).logical_and(selected);
                values.Add(inTop.sum().to(ScalarType.Float64).reshape(1));
            }

            long c = classes[i];
            var cells = (target.flatten() * c + predicted.flatten()).masked_select(selected.flatten());
            values.Add(cells.bincount(null, c * c).to(ScalarType.Float64).reshape(c * c));
        }

        foreach (var term in regression)
        {
            var (prediction, target, mask) = Operands(term, result, batch);
            var error = prediction.to(ScalarType.Float64) - target.to(ScalarType.Float64);
            var y = target.to(ScalarType.Float64);
            var weight = mask is null
                ? ones_like(y)
                : Spread(mask.to(ScalarType.Float64).gt(0.5).to(ScalarType.Float64), y);
            values.Add(stack(new[] { (error.abs() * weight).sum(), (error.square() * weight).sum(), (y * weight).sum(), (y.square() * weight).sum(), weight.sum() }));
        }

        custom ??= Array.Empty<CustomMetric>();
        values.AddRange(custom.Select(m => m.ValueOn(result.Outputs, batch, values[0].device)));
        double[] all = cat(values, 0).cpu().data<double>().ToArray();
        int at = 0;
        double Next() => all[at++];
        double total = Next();
        double[] termValues = terms.Select(_ => Next()).ToArray();
        var counts = new List<ClassificationCounts>(classification.Length);
        for (int i = 0; i < classification.Length; i++)
        {
            double correct = Next();
            double counted = Next();
            double top = withTopK[i] ? Next() : double.NaN;
            int c = classes[i];
            var matrix = new long[c][];
            for (int t = 0; t < c; t++)
            {
                matrix[t] = new long[c];
                for (int p = 0; p < c; p++)
                {
                    matrix[t][p] = (long)Next();
                }
            }

            counts.Add(new ClassificationCounts(classification[i].Name, correct, counted, top, matrix));
        }

        var sums = regression.Select(term => new RegressionSums(term.Name, Next(), Next(), Next(), Next(), Next())).ToList();
        var metrics = custom.Select(m => (m.Name, Next())).ToArray();
        return new BatchStatistics(total, terms.Select(t => t.Name).ToArray(), termValues, counts, sums) { Custom = metrics };
    }

    /// <summary>A mask of <paramref name="like"/>'s leading axes (one per sample, [B], or per position) expanded to its shape.</summary>
    private static Tensor Spread(Tensor mask, Tensor like) =>
        mask.reshape(mask.shape.Concat(Enumerable.Repeat(1L, (int)(like.dim() - mask.dim()))).ToArray()).expand_as(like);

    private static (Tensor Prediction, Tensor Target, Tensor? Mask) Operands(LossInfo term, StepResult result, IReadOnlyDictionary<string, Tensor> batch)
    {
        if (!result.Outputs.TryGetValue(term.Prediction, out var prediction))
        {
            throw new InvalidOperationException(
                $"Loss term '{term.Name}' reads '{term.Prediction}', but the model's outputs are " +
                $"[{string.Join(", ", result.Outputs.Keys)}]: its metrics need the prediction among the outputs.");
        }

        var target = Column(batch, term.Target!, term);
        var mask = term.Mask is null ? null : Column(batch, term.Mask, term);
        return (prediction.detach(), target, mask);
    }

    private static Tensor Column(IReadOnlyDictionary<string, Tensor> batch, string name, LossInfo term) =>
        batch.TryGetValue(name, out var column)
            ? column
            : throw new ArgumentException(
                $"Loss term '{term.Name}' needs the column '{name}', but the batch has [{string.Join(", ", batch.Keys)}].");
}
