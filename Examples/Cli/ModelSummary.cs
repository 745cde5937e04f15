using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Dsl.Metadata;
using Spectre.Console;

namespace Examples.Cli;

/// <summary><c>summary</c> and <c>plot</c>: a Keras-like table and the graph picture of a generated model.</summary>
public static class ModelSummary
{
    /// <summary>Prints layer (name and kind), output shape and parameters of every node, then the totals.</summary>
    public static void Print(IAnsiConsole console, ModelInfo model)
    {
        var table = new Table().Title($"Model: {model.Name}").Border(TableBorder.Simple);
        table.AddColumn("Layer (type)");
        table.AddColumn("Output Shape");
        table.AddColumn(new TableColumn("Param #").RightAligned());
        foreach (LayerInfo layer in model.Layers)
        {
            table.AddRow(
                Markup.Escape($"{layer.Name} ({layer.Kind})"),
                Markup.Escape(layer.OutputShape),
                Count(layer.TrainableParameters + layer.NonTrainableParameters));
        }

        console.Write(table);
        console.WriteLine($"Trainable params: {Count(model.TrainableParameters)}");
        console.WriteLine($"Non-trainable params: {Count(model.NonTrainableParameters)}");
        console.WriteLine($"Total params: {Count(model.TotalParameters)}");
        console.WriteLine();
    }

    /// <summary>
    /// Writes the model's graph into <paramref name="directory"/>: <c>&lt;Model&gt;.png</c> through Graphviz when
    /// <c>dot</c> is on the PATH, else the DOT text as <c>&lt;Model&gt;.dot</c>. Returns the file written.
    /// </summary>
    public static string Plot(ModelInfo model, string directory)
    {
        Directory.CreateDirectory(directory);
        string dotFile = Path.Combine(directory, model.Name + ".dot");
        File.WriteAllText(dotFile, model.Dot);
        string? dot = FindOnPath("dot");
        if (dot is null)
        {
            return dotFile;
        }

        string pngFile = Path.Combine(directory, model.Name + ".png");
        var start = new ProcessStartInfo(dot, new[] { "-Tpng", dotFile, "-o", pngFile }) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(pngFile))
        {
            return dotFile;
        }

        File.Delete(dotFile);
        return pngFile;
    }

    private static string? FindOnPath(string program)
    {
        foreach (string directory in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, program);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
