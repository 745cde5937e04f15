using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Dsl.Metadata;

/// <summary>
/// The graph picture of a model, computed at run time from its layer table (<see cref="ModelInfo.Layers"/>: every
/// node with the nodes it reads): inputs and outputs as ellipses, layers as boxes with kind, shape and parameters,
/// and each loss term as its own node with the prediction and the target column flowing into it and its weight.
/// </summary>
public static class ModelGraph
{
    /// <summary>
    /// The graph in Graphviz DOT syntax, drawn from the metadata alone: every layer with the layers it reads, each
    /// declared output from the layer that produces it (<see cref="TensorInfo.Node"/>), and each loss term as an
    /// octagon labelled with its kind and weight, with its prediction (the output, or the layer a <c>Minimize</c>
    /// reads), its target (a target column, or the layer a self-supervised term compares with) and its mask flowing
    /// into it. Metadata built by hand without the node names draws an output from the layer of the same name.
    /// </summary>
    public static string ToDot(this ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(model.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? model.Name : Id(model.Name)).Append(" {\n");
        dot.Append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        foreach (var layer in model.Layers)
        {
            if (layer.Kind == "Input")
            {
                dot.Append($"  {Id(layer.Name)} [label={Label($"{layer.Name}\n{layer.OutputShape}")}, shape=ellipse, style=filled, fillcolor=\"#dbeafe\"];\n");
                continue;
            }

            long parameters = layer.TrainableParameters + layer.NonTrainableParameters;
            string count = parameters > 0 ? "\n" + parameters.ToString("N0", CultureInfo.InvariantCulture) + " params" : "";
            dot.Append($"  {Id(layer.Name)} [label={Label($"{layer.Name}: {layer.Kind}\n{layer.OutputShape}{count}")}];\n");
            foreach (string input in layer.Inputs)
            {
                dot.Append($"  {Id(input)} -> {Id(layer.Name)};\n");
            }
        }

        var layers = model.Layers.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var output in model.Outputs)
        {
            string node = "out." + output.Name;
            dot.Append($"  {Id(node)} [label={Label($"{output.Name}\n{output.Shape}")}, shape=ellipse, style=filled, fillcolor=\"#dcfce7\"];\n");
            string? source = output.Node ?? (layers.Contains(output.Name) ? output.Name : null);
            if (source is not null)
            {
                dot.Append($"  {Id(source)} -> {Id(node)};\n");
            }
        }

        foreach (var term in model.Losses)
        {
            string node = "loss." + term.Name;
            string weight = term.Weight.ToString("0.###", CultureInfo.InvariantCulture);
            dot.Append($"  {Id(node)} [label={Label($"loss {term.Name}: {term.Kind}\nweight {weight}")}, shape=octagon, style=filled, fillcolor=\"#fee2e2\"];\n");
            string prediction = model.Outputs.Any(o => o.Name == term.Prediction) ? "out." + term.Prediction : term.PredictionNode ?? term.Prediction;
            dot.Append($"  {Id(prediction)} -> {Id(node)} [label=\"prediction\"];\n");
            if (term.TargetNode is not null)
            {
                dot.Append($"  {Id(term.TargetNode)} -> {Id(node)} [label=\"target\"];\n");
            }

            foreach (string column in new[] { term.Target, term.Mask }.OfType<string>())
            {
                string target = "target." + column;
                var info = model.Targets.FirstOrDefault(t => t.Name == column);
                dot.Append($"  {Id(target)} [label={Label($"{column}\n{info?.Shape ?? ""}")}, shape=ellipse, style=dashed];\n");
                dot.Append($"  {Id(target)} -> {Id(node)} [label=\"{(column == term.Mask ? "mask" : "target")}\"];\n");
            }
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>
    /// Writes the graph into <paramref name="directory"/>: <c>&lt;Model&gt;.png</c> through Graphviz' <c>dot</c> when it is
    /// on the PATH, else the DOT text as <c>&lt;Model&gt;.dot</c>. Returns the file written.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>dot</c> is installed but failed; the message has its error output.</exception>
    public static string Plot(ModelInfo model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        string? dot = FindDot();
        if (dot is null)
        {
            string dotFile = Path.Combine(directory, model.Name + ".dot");
            File.WriteAllText(dotFile, model.ToDot());
            return dotFile;
        }

        string pngFile = Path.Combine(directory, model.Name + ".png");
        WritePng(model, pngFile, dot);
        return pngFile;
    }

    /// <summary>Renders the graph to <paramref name="pngFile"/> with Graphviz (a temporary file, renamed when complete).</summary>
    /// <exception cref="InvalidOperationException">Graphviz is not installed (the message says how to install it) or failed.</exception>
    public static void WritePng(ModelInfo model, string pngFile) =>
        WritePng(model, pngFile, FindDot() ?? throw new InvalidOperationException(
            "Graphviz' 'dot' is not on the PATH, so no PNG can be drawn: install it (Debian / Ubuntu: sudo apt-get install graphviz), " +
            "or write the DOT text of ModelGraph.ToDot() and render it elsewhere."));

    /// <summary>The full path of Graphviz' <c>dot</c> on the PATH, or null.</summary>
    public static string? FindDot()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, "dot");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void WritePng(ModelInfo model, string pngFile, string dot)
    {
        ArgumentNullException.ThrowIfNull(model);
        string full = Path.GetFullPath(pngFile);
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            var start = new ProcessStartInfo(dot, new[] { "-Tpng", "-o", temp })
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start Graphviz '{dot}'.");
            process.StandardInput.Write(model.ToDot());
            process.StandardInput.Close();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(temp))
            {
                throw new InvalidOperationException($"Graphviz '{dot}' failed with exit code {process.ExitCode} drawing {model.Name}: {error.Trim()}");
            }

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

    private static string Id(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Label(string text) => Id(text).Replace("\n", "\\n", StringComparison.Ordinal);
}
