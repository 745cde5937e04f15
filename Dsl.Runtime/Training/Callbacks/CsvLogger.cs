using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Dsl.Training.Callbacks;

/// <summary>
/// Writes one CSV row per epoch (Keras' <c>CSVLogger</c>): <c>epoch</c>, then every metric of the epoch logs
/// (<see cref="EpochMetrics.Scalars"/>: losses, accuracies, validation metrics, <c>lr</c>), invariant culture. The
/// file is rewritten from the run's history after every epoch through a temporary file and a rename, so it always
/// matches the epochs done (also after a resume) and is never left cut off.
/// </summary>
/// <param name="Path">The CSV file; its directory is created when missing.</param>
public sealed record CsvLogger(string Path) : ITrainingCallback
{
    /// <inheritdoc/>
    public void OnTrainBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.History.Count > 0)
        {
            Write(context.History);
        }
    }

    /// <inheritdoc/>
    public void OnEpochEnd(TrainingContext context, EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(context);
        Write(context.History.Append(metrics).ToList());
    }

    private void Write(IReadOnlyList<EpochMetrics> history)
    {
        var rows = history.Select(e => (e.Epoch, Values: e.Scalars())).ToList();
        var columns = new List<string>();
        foreach (var name in rows.SelectMany(r => r.Values.Keys).Where(name => !columns.Contains(name)))
        {
            columns.Add(name);
        }

        var text = new StringBuilder();
        text.Append("epoch");
        foreach (string column in columns)
        {
            text.Append(',').Append(Quote(column));
        }

        text.Append('\n');
        foreach (var (epoch, values) in rows)
        {
            text.Append(epoch.ToString(CultureInfo.InvariantCulture));
            foreach (string column in columns)
            {
                text.Append(',');
                if (values.TryGetValue(column, out double value))
                {
                    text.Append(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            text.Append('\n');
        }

        string full = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string Quote(string name) =>
        name.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;
}
