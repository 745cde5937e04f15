using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Dsl.Metadata;

/// <summary>
/// The Keras-like summary of a model, from its <see cref="ModelInfo"/>: one row per layer with its name and kind,
/// output shape and parameter count, then <c>Total params</c>, <c>Trainable params</c> and
/// <c>Non-trainable params</c>. A branching graph (a layer reading several nodes, or a node read by several layers)
/// gets Keras' <c>Connected to</c> column, naming every node each layer reads.
/// </summary>
/// <example>
/// <code>
/// Console.Write(DigitClassifier.Info.Summary());
/// </code>
/// </example>
public static class ModelSummary
{
    /// <summary>Whether the graph branches: some layer reads several nodes, or some node is read by several layers.</summary>
    public static bool IsBranching(this ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Layers.Any(l => l.Inputs.Count > 1)
            || model.Layers.SelectMany(l => l.Inputs).GroupBy(n => n, StringComparer.Ordinal).Any(g => g.Count() > 1);
    }

    /// <summary>The summary table as text (ends with a newline).</summary>
    public static string Summary(this ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        bool connected = model.IsBranching();
        var header = connected
            ? new[] { "Layer (type)", "Output Shape", "Param #", "Mult-Adds", "Connected to" }
            : new[] { "Layer (type)", "Output Shape", "Param #", "Mult-Adds" };
        var rows = model.Layers.Select(layer =>
        {
            var cells = new List<string>
            {
                $"{layer.Name} ({layer.Kind})",
                layer.OutputShape,
                Count(layer.TrainableParameters + layer.NonTrainableParameters),
                layer.MultiplyAccumulates is long macs ? (macs == 0 ? "" : Count(macs)) : "?",
            };
            if (connected)
            {
                cells.Add(string.Join(", ", layer.Inputs));
            }

            return cells.ToArray();
        }).ToList();

        int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        int total = widths.Sum() + (3 * (widths.Length - 1));
        var text = new StringBuilder();
        text.Append("Model: ").Append(model.Name).Append('\n');
        text.Append(new string('━', total)).Append('\n');
        text.Append(Row(header, widths)).Append('\n');
        text.Append(new string('━', total)).Append('\n');
        foreach (string[] row in rows)
        {
            text.Append(Row(row, widths)).Append('\n');
        }

        text.Append(new string('━', total)).Append('\n');
        text.Append("Total params: ").Append(Count(model.TotalParameters)).Append('\n');
        text.Append("Trainable params: ").Append(Count(model.TrainableParameters)).Append('\n');
        text.Append("Non-trainable params: ").Append(Count(model.NonTrainableParameters)).Append('\n');
        text.Append("Forward mult-adds per sample: ")
            .Append(model.ForwardMultiplyAccumulates is long forward ? Count(forward) : "unknown (symbolic sizes)")
            .Append('\n');
        if (model.TrainingFlopsPerSample is long flops)
        {
            text.Append("Training FLOPs per sample (estimate, 6 x mult-adds): ").Append(Count(flops)).Append('\n');
        }
        return text.ToString();
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join("   ", cells.Select((c, i) => i is 2 or 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
