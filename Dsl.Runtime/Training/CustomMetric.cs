using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Metadata;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// A metric of your own for <see cref="TrainingOptions.Metrics"/>: the trainer calls <see cref="Compute"/> on every
/// training batch and every validation batch (without gradients) and reports the epoch's mean, each batch weighted by
/// its number of samples, as <see cref="Name"/> and <c>val_</c><see cref="Name"/>: in the history
/// (<see cref="EvaluationMetrics.Custom"/>), the progress lines, the epoch logs that <see cref="Callbacks.CsvLogger"/>,
/// <see cref="Callbacks.TensorBoardLogger"/>, <see cref="EarlyStopping"/> and <see cref="Callbacks.BestModelCheckpoint"/>
/// read.
/// </summary>
/// <example>
/// <code>
/// // The share of digits predicted as 7, per epoch: "sevens" and "val_sevens".
/// var sevens = new CustomMetric("sevens", (outputs, batch) => outputs["logits"].argmax(1).eq(7).to(ScalarType.Float32).mean());
/// Trainer.Fit(model, train, validation, new TrainingOptions { Metrics = new[] { sevens } });
/// </code>
/// </example>
/// <param name="Name">
/// The metric's name: letters, digits and underscores, not starting with <c>val_</c>, and none of the names the
/// trainer reports itself (<c>loss</c>, <c>lr</c>, <c>&lt;term&gt;_loss</c>, <c>&lt;term&gt;_accuracy</c>, ...).
/// </param>
/// <param name="Compute">
/// The batch's value from the model's outputs by declared name and the batch's columns (inputs and targets) by name:
/// a tensor of one element, the mean over the batch's samples (a <c>.mean()</c>). Called in the batch's dispose scope.
/// </param>
public sealed record CustomMetric(string Name, Func<IReadOnlyDictionary<string, Tensor>, IReadOnlyDictionary<string, Tensor>, Tensor> Compute)
{
    /// <summary>
    /// Throws an <see cref="ArgumentException"/> for an unusable name: empty, with other characters than letters,
    /// digits and underscores, starting with <c>val_</c>, given twice, or a name the trainer already reports for
    /// <paramref name="model"/>; the message names <paramref name="owner"/>, where the list came from.
    /// </summary>
    internal static void CheckNames(IReadOnlyList<CustomMetric> metrics, ModelInfo model, int topK, string owner = "TrainingOptions.Metrics")
    {
        string parameter = owner[(owner.LastIndexOf('.') + 1)..];
        var builtIn = new HashSet<string>(StringComparer.Ordinal) { "loss", "lr" };
        string[] suffixes = { "loss", "accuracy", $"top{topK.ToString(CultureInfo.InvariantCulture)}_accuracy", "precision", "recall", "f1", "mae", "mse", "r2" };
        foreach (var term in model.Losses)
        {
            builtIn.UnionWith(suffixes.Select(s => term.Name + "_" + s));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i] ?? throw new ArgumentException($"{owner}[{i}] is null.", parameter);
            string name = metric.Name;
            if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException(
                    $"{owner}[{i}] is named '{name}': a metric's name must be letters, digits and underscores (it becomes a CSV column and a TensorBoard tag), e.g. 'sevens'.",
                    parameter);
            }

            if (name.StartsWith("val_", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"{owner} has a metric named '{name}': the trainer adds 'val_' itself for the validation value; name it '{name[4..]}'.",
                    parameter);
            }

            if (builtIn.Contains(name))
            {
                throw new ArgumentException(
                    $"{owner} has a metric named '{name}', which {model.Name} already reports (its built-in metrics: {string.Join(", ", builtIn.Order(StringComparer.Ordinal))}); give yours another name, e.g. 'my_{name}'.",
                    parameter);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"{owner} names '{name}' twice; give each metric its own name.", parameter);
            }

            if (metric.Compute is null)
            {
                throw new ArgumentException($"{owner}: '{name}' has no Compute function.", parameter);
            }
        }
    }

    /// <summary>The batch's value as a one-element float64 tensor, computed without gradients; a clear error for another shape.</summary>
    internal Tensor ValueOn(IReadOnlyDictionary<string, Tensor> outputs, IReadOnlyDictionary<string, Tensor> batch, Device device)
    {
        using (no_grad())
        {
            var value = Compute(outputs, batch)
                ?? throw new InvalidOperationException($"The custom metric '{Name}' returned null; return a one-element tensor (the batch's mean).");
            if (value.numel() != 1)
            {
                throw new InvalidOperationException(
                    $"The custom metric '{Name}' returned a tensor of shape [{string.Join(", ", value.shape)}]; return one element, the batch's mean (add .mean()).");
            }

            return value.detach().to(ScalarType.Float64).to(device).reshape(1);
        }
    }
}
