using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// Writes the static <c>Info</c> property of a generated model: its inputs and outputs, every node in execution
/// order with output shape and parameter counts, and the loss terms with the nodes they read. The graph picture is
/// not generated: the runtime draws it from this table (<c>Dsl.Metadata.ModelGraph.ToDot</c>). Only declared outputs
/// are listed; a tensor only a loss reads (<see cref="OutputSpec.ForLoss"/>) appears as the loss term's source node.
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

        WriteTensors(w, "Inputs", spec.Nodes.Where(n => n.Op is InputOp).Select(n => (((InputOp)n.Op).Name, model.TypeOf(n.Id), (string?)null)).ToList());
        WriteTensors(w, "Outputs", spec.Outputs.Where(o => !o.ForLoss).Select(o => (o.Name, model.TypeOf(o.Node), (string?)spec.Nodes[o.Node].Name)).ToList());

        w.Line($"Layers: new {Metadata}LayerInfo[]");
        w.Open();
        var firstApplication = new Dictionary<int, string>();
        foreach (var node in spec.Nodes)
        {
            var analysis = model.Nodes[node.Id];
            string inputNames = node.Inputs.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", node.Inputs.Select(i => Names.StringLiteral(spec.Nodes[i].Name))) + " }";

            // What the graph picture and tools need beyond the counts: whose weights a node reuses, and a frozen submodel.
            var properties = new List<string>();
            if (analysis.Macs != 0)
            {
                properties.Add("MultiplyAccumulates = " + (analysis.Macs is long macs ? Names.IntLiteral(macs) : "null"));
            }

            string? sharedWith = node.SharedWith >= 0 ? spec.Nodes[node.SharedWith].Name : null;
            if (node.Op is ApplyOp apply)
            {
                if (firstApplication.TryGetValue(apply.Use, out var first))
                {
                    sharedWith = first;
                }
                else
                {
                    firstApplication[apply.Use] = node.Name;
                }

                if (spec.Uses[apply.Use].Frozen)
                {
                    properties.Add("Frozen = true");
                }
            }

            if (sharedWith is not null)
            {
                properties.Add("SharedWith = " + Names.StringLiteral(sharedWith));
            }

            w.Line($"new {Metadata}LayerInfo({Names.StringLiteral(node.Name)}, {Names.StringLiteral(node.Op.Kind)}, " +
                $"{Names.StringLiteral(model.TypeOf(node.Id).ShapeText)}, {Names.IntLiteral(analysis.TrainableParameters)}, " +
                $"{Names.IntLiteral(analysis.NonTrainableParameters)}, {inputNames})" +
                (properties.Count == 0 ? "" : " { " + string.Join(", ", properties) + " }") + ",");
        }

        w.Close(losses is null ? ");" : ")");
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

    private static void WriteTensors(IndentedWriter w, string parameter, IReadOnlyList<(string Name, TensorType Type, string? Node)> tensors)
    {
        if (tensors.Count == 0)
        {
            w.Line($"{parameter}: global::System.Array.Empty<{Metadata}TensorInfo>(),");
            return;
        }

        w.Line($"{parameter}: new {Metadata}TensorInfo[]");
        w.Open();
        foreach (var (name, type, node) in tensors)
        {
            string source = node is null ? "" : $" {{ Node = {Names.StringLiteral(node)} }}";
            w.Line($"new {Metadata}TensorInfo({Names.StringLiteral(name)}, {Names.StringLiteral(type.ShapeText)}, {Names.StringLiteral(type.DTypeText)}){source},");
        }

        w.Close(",");
    }
}
