using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// Writes the static <c>Info</c> property of a generated model: its inputs and outputs, every node in execution
/// order with output shape and parameter counts, and the graph as Graphviz DOT text (inputs and outputs drawn
/// as coloured ellipses, layers with parameters show their count).
/// </summary>
internal static class InfoEmitter
{
    private const string Metadata = "global::Dsl.Metadata.";

    public static void Write(IndentedWriter w, AnalyzedModel model, LossEmitter? losses = null)
    {
        var spec = model.Spec;
        long trainable = model.Nodes.Sum(n => n.TrainableParameters);
        long frozen = model.Nodes.Sum(n => n.NonTrainableParameters);

        w.Line($"/// <summary>Layers, shapes, parameter counts and the graph of <see cref=\"{Names.Escape(spec.ClassName)}\"/>: " +
            $"{Names.Count(trainable + frozen)} parameters ({Names.Count(trainable)} trainable, {Names.Count(frozen)} non-trainable).</summary>");
        w.Line($"public static {Metadata}ModelInfo Info {{ get; }} = new {Metadata}ModelInfo(");
        w.Indent();
        w.Line($"Name: {Names.StringLiteral(spec.ClassName)},");

        var inputs = spec.Nodes.Where(n => n.Op is InputOp).Select(n => (((InputOp)n.Op).Name, model.TypeOf(n.Id))).ToList();
        WriteTensors(w, "Inputs", inputs);
        WriteTensors(w, "Outputs", spec.Outputs.Select(o => (o.Name, model.TypeOf(o.Node))).ToList());

        w.Line($"Layers: new {Metadata}LayerInfo[]");
        w.Open();
        foreach (var node in spec.Nodes)
        {
            var analysis = model.Nodes[node.Id];
            string inputNames = node.Inputs.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", node.Inputs.Select(i => Names.StringLiteral(spec.Nodes[i].Name))) + " }";
            w.Line($"new {Metadata}LayerInfo({Names.StringLiteral(node.Name)}, {Names.StringLiteral(node.Op.Kind)}, " +
                $"{Names.StringLiteral(model.TypeOf(node.Id).ShapeText)}, {Names.IntLiteral(analysis.TrainableParameters)}, " +
                $"{Names.IntLiteral(analysis.NonTrainableParameters)}, {inputNames})" +
                (analysis.Macs switch { 0 => "", long macs => $" {{ MultiplyAccumulates = {Names.IntLiteral(macs)} }}", null => " { MultiplyAccumulates = null }" }) + ",");
        }

        w.Close(",");
        w.Line("Dot:");
        w.Indent();
        var lines = DotLines(model);
        for (int i = 0; i < lines.Count; i++)
        {
            w.Line(Names.StringLiteral(lines[i] + "\n") + (i == lines.Count - 1 ? (losses is null ? ");" : ")") : " +"));
        }

        w.Outdent();
        w.Outdent();
        if (losses is not null)
        {
            w.Open();
            w.Line($"Losses = new {Metadata}LossInfo[]");
            w.Open();
            foreach (var line in losses.InfoLossLines())
            {
                w.Line(line);
            }

            w.Close(",");
            w.Line($"Targets = new {Metadata}TensorInfo[]");
            w.Open();
            foreach (var target in losses.Targets)
            {
                w.Line($"new {Metadata}TensorInfo({Names.StringLiteral(target.Name)}, {Names.StringLiteral(target.Type.ShapeText)}, {Names.StringLiteral(target.Type.DTypeText)}),");
            }

            w.Close(",");
            w.Close(";");
        }
    }

    /// <summary>The graph in DOT syntax, one statement a line.</summary>
    public static string Dot(AnalyzedModel model) => string.Join("\n", DotLines(model)) + "\n";

    private static void WriteTensors(IndentedWriter w, string parameter, IReadOnlyList<(string Name, TensorType Type)> tensors)
    {
        if (tensors.Count == 0)
        {
            w.Line($"{parameter}: global::System.Array.Empty<{Metadata}TensorInfo>(),");
            return;
        }

        w.Line($"{parameter}: new {Metadata}TensorInfo[]");
        w.Open();
        foreach (var (name, type) in tensors)
        {
            w.Line($"new {Metadata}TensorInfo({Names.StringLiteral(name)}, {Names.StringLiteral(type.ShapeText)}, {Names.StringLiteral(type.DTypeText)}),");
        }

        w.Close(",");
    }

    private static List<string> DotLines(AnalyzedModel model)
    {
        var spec = model.Spec;
        var lines = new List<string>
        {
            "digraph " + DotGraphName(spec.ClassName) + " {",
            "  rankdir=TB;",
            "  node [shape=box, fontname=\"Helvetica\"];",
        };

        foreach (var node in spec.Nodes)
        {
            var analysis = model.Nodes[node.Id];
            string shape = model.TypeOf(node.Id).ShapeText;
            if (node.Op is InputOp)
            {
                lines.Add($"  {DotId(node.Name)} [label={Label(node.Name, shape)}, shape=ellipse, style=filled, fillcolor=\"#dbeafe\"];");
                continue;
            }

            long parameters = analysis.TrainableParameters + analysis.NonTrainableParameters;
            string label = parameters > 0
                ? Label(node.Name + ": " + node.Op.Kind, shape, Names.Count(parameters) + " params")
                : Label(node.Name + ": " + node.Op.Kind, shape);
            lines.Add($"  {DotId(node.Name)} [label={label}];");
            foreach (int input in node.Inputs)
            {
                lines.Add($"  {DotId(spec.Nodes[input].Name)} -> {DotId(node.Name)};");
            }
        }

        foreach (var output in spec.Outputs)
        {
            // "out." cannot start a node name (names are identifiers), so output nodes never clash with graph nodes.
            string id = DotId("out." + output.Name);
            lines.Add($"  {id} [label={Label(output.Name, model.TypeOf(output.Node).ShapeText)}, shape=ellipse, style=filled, fillcolor=\"#dcfce7\"];");
            lines.Add($"  {DotId(spec.Nodes[output.Node].Name)} -> {id};");
        }

        lines.Add("}");
        return lines;
    }

    private static string DotGraphName(string name) =>
        name.Length > 0 && name.All(c => c == '_' || (c < 128 && char.IsLetterOrDigit(c))) && !char.IsDigit(name[0]) ? name : DotId(name);

    /// <summary>A quoted DOT identifier.</summary>
    private static string DotId(string text) => "\"" + DotEscape(text) + "\"";

    /// <summary>A quoted DOT label of several lines (DOT's <c>\n</c> escape between them).</summary>
    private static string Label(params string[] lines) => "\"" + string.Join("\\n", lines.Select(DotEscape)) + "\"";

    private static string DotEscape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '"' || c == '\\')
            {
                result.Append('\\');
            }

            result.Append(c == '\n' || c == '\r' ? ' ' : c);
        }

        return result.ToString();
    }
}
