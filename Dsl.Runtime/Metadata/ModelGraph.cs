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
        dot.Append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        var byName = model.Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);

        // An output of an applied submodel ("Output") is bookkeeping: its readers are drawn from the application,
        // the edge labelled with the output's name when ApplyAll picked one.
        (string Node, string? Label) Source(string name)
        {
            if (byName.TryGetValue(name, out var layer) && layer.Kind == "Output" && layer.Inputs.Count == 1)
            {
                string stem = Stem(layer.Name);
                return (Source(layer.Inputs[0]).Node, stem == "output" ? null : stem);
            }

            return (name, null);
        }

        string Edge(string from, string to, string? label = null)
        {
            var (source, picked) = Source(from);
            string? text = (picked, label) switch
            {
                (null, null) => null,
                ({ } p, null) => p,
                (null, { } l) => l,
                ({ } p, { } l) => p + ", " + l,
            };
            return $"  {Id(source)} -> {Id(to)}{(text is null ? "" : $" [label={Label(text)}]")};\n";
        }

        var roles = Roles(model);
        foreach (var layer in model.Layers)
        {
            if (layer.Kind == "Input")
            {
                dot.Append($"  {Id(layer.Name)} [label={Label($"{layer.Name}\n{layer.OutputShape}")}, shape=ellipse, style=filled, fillcolor=\"#dbeafe\"];\n");
                continue;
            }

            if (layer.Kind == "Output" && layer.Inputs.Count == 1)
            {
                continue;
            }

            if (layer.Kind.StartsWith("Scalar", StringComparison.Ordinal) && ScalarSymbol(layer.Kind[6..]) is { } symbol)
            {
                // The constant's value is not in the layer table: the operator and "const" say what the node does.
                dot.Append($"  {Id(layer.Name)} [label={Label($"{symbol} const")}, shape=box, style=rounded, tooltip={Label(layer.Kind)}];\n");
            }
            else
            {
                long parameters = layer.TrainableParameters + layer.NonTrainableParameters;
                string count = parameters > 0 ? "\n" + parameters.ToString("N0", CultureInfo.InvariantCulture) + " params" : "";
                string title = RepeatsKind(layer) ? layer.Kind : $"{layer.Name}: {layer.Kind}";
                roles.TryGetValue(layer.Name, out var role);
                string mark = role switch
                {
                    { Frozen: true, SharedWith: null } => "\nfrozen",
                    { SharedWith: null } => "",
                    { SharedWith: "" } => (role.Frozen ? "\nfrozen, " : "\n") + "weights shared",
                    _ => (role.Frozen ? "\nfrozen, " : "\n") + $"shares weights with {role.SharedWith}",
                };
                string style = role switch
                {
                    { Frozen: true } => ", style=filled, fillcolor=\"#e5e7eb\", color=\"#6b7280\"",
                    { SharedWith: not null } => ", style=\"filled,dashed\", fillcolor=\"#fef3c7\"",
                    _ => "",
                };
                dot.Append($"  {Id(layer.Name)} [label={Label($"{title}\n{layer.OutputShape}{count}{mark}")}{style}];\n");
            }

            foreach (string input in layer.Inputs)
            {
                dot.Append(Edge(input, layer.Name));
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
                dot.Append(Edge(source, node));
            }
        }

        foreach (var term in model.Losses)
        {
            string node = "loss." + term.Name;
            string weight = term.Weight.ToString("0.###", CultureInfo.InvariantCulture);
            dot.Append($"  {Id(node)} [label={Label($"loss {term.Name}: {term.Kind}\nweight {weight}")}, shape=octagon, style=filled, fillcolor=\"#fee2e2\"];\n");
            string prediction = model.Outputs.Any(o => o.Name == term.Prediction) ? "out." + term.Prediction : term.PredictionNode ?? term.Prediction;
            dot.Append(Edge(prediction, node, "prediction"));
            if (term.TargetNode is not null)
            {
                dot.Append(Edge(term.TargetNode, node, "target"));
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
    /// Which nodes are frozen or share weights, as the generator records them (<see cref="LayerInfo.Frozen"/>,
    /// <see cref="LayerInfo.SharedWith"/>): a reuse names its owner, an owner that others reuse gets "" (shared).
    /// </summary>
    private static Dictionary<string, (bool Frozen, string? SharedWith)> Roles(ModelInfo model)
    {
        var roles = new Dictionary<string, (bool Frozen, string? SharedWith)>(StringComparer.Ordinal);
        var owners = model.Layers.Where(l => l.SharedWith is not null).Select(l => l.SharedWith!).ToHashSet(StringComparer.Ordinal);
        foreach (var layer in model.Layers)
        {
            string? sharedWith = layer.SharedWith ?? (owners.Contains(layer.Name) ? "" : null);
            if (layer.Frozen || sharedWith is not null)
            {
                roles[layer.Name] = (layer.Frozen, sharedWith);
            }
        }

        return roles;
    }

    /// <summary>A generated name (<c>relu_1</c>, <c>max_pool2d_2</c>) says no more than the kind: the label shows the kind once.</summary>
    private static bool RepeatsKind(LayerInfo layer) =>
        string.Equals(Stem(layer.Name).Replace("_", "", StringComparison.Ordinal), layer.Kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name without its generated <c>_N</c> counter.</summary>
    private static string Stem(string name)
    {
        int underscore = name.LastIndexOf('_');
        return underscore > 0 && underscore < name.Length - 1 && name.AsSpan(underscore + 1).IndexOfAnyExceptInRange('0', '9') < 0
            ? name[..underscore]
            : name;
    }

    private static string? ScalarSymbol(string op) => op switch
    {
        "Add" => "+",
        "Subtract" => "\u2212",
        "Multiply" => "\u00d7",
        "Divide" => "\u00f7",
        _ => null,
    };

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
