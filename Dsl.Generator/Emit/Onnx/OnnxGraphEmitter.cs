using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit.Onnx;

/// <summary>
/// The model-level part of the ONNX export: the inference graph (opset 17) of one model, written as C# that calls
/// Dsl.Onnx's small builder (<c>g.Node("Conv", "layer1", "image", "layer1.weight").Ints(...)</c>) in a second generated
/// file, <c>M.Onnx.g.cs</c>.
/// <para>
/// Why builder calls and not the protobuf itself: the generator targets netstandard2.0 inside the compiler and must not
/// carry a protobuf library, and weights exist only at run time. So the generator writes the graph's structure, which
/// it knows completely at compile time, and the runtime assembly Dsl.Onnx turns it into an ONNX <c>ModelProto</c> with
/// a maintained package (OnnxSharp's generated ONNX classes over Google.Protobuf), taking the initializers from the
/// module's state dict by name. The file is emitted only when the compilation references Dsl.Onnx, so Dsl.Runtime's
/// users pay nothing for it.
/// </para>
/// <para>
/// The graph: one graph input per declared input (batch <c>B</c> and symbolic sizes as named dimensions), one graph
/// output per declared output (outputs a loss alone needs are left out, and so is everything only they read),
/// initializers named as the TorchSharp state dict names them, submodels and shared blocks flattened into the one graph
/// with their weights reused by name, Keras Same padding as explicit (possibly asymmetric) pads, BatchNorm in
/// inference form, Dropout as Identity. Opset 17 is read by Debian's python3-onnx 1.12 and by ONNX Runtime 1.31.
/// </para>
/// </summary>
internal static class OnnxGraphEmitter
{
    /// <summary>The opset of the emitted graphs.</summary>
    public const int Opset = 17;

    /// <summary>The generated members; a model class of one of these names is DSL0107 where Dsl.Onnx is referenced (it could not hold them).</summary>
    public static readonly string[] MemberNames = { "OnnxGraph", "ExportOnnx", "BuildOnnxGraph" };

    public static bool CanEmit(AnalyzedModel model) => !MemberNames.Contains(model.Spec.ClassName);

    /// <summary>The graph of <paramref name="model"/>, flattened and pruned to what its declared outputs need.</summary>
    public static OnnxGraphSpec Build(AnalyzedModel model, System.Threading.CancellationToken cancellationToken = default)
    {
        var graph = new OnnxGraphSpec(cancellationToken);
        var inputs = model.Spec.Nodes.Where(n => n.Op is InputOp).ToList();
        foreach (var input in inputs)
        {
            graph.AddInput(graph.Unique(((InputOp)input.Op).Name), model.TypeOf(input.Id));
        }

        var declared = model.Spec.Outputs.Select((o, i) => (Output: o, Index: i)).Where(p => !p.Output.ForLoss).ToList();
        var outputNames = declared.Select(p => graph.Unique(p.Output.Name)).ToList();

        var values = new OnnxScope(graph, model, "", "", graph.Inputs.Select(i => i.Name).ToList()).EmitAll();
        for (int i = 0; i < declared.Count; i++)
        {
            var type = model.TypeOf(declared[i].Output.Node);
            graph.Add(new OnnxNodeSpec("Identity", outputNames[i], new[] { values[declared[i].Index] })).Type = OnnxGraphSpec.TypeText(type);
            graph.AddOutput(outputNames[i], type);
        }

        graph.Prune();
        return graph;
    }

    /// <summary>The file <c>M.Onnx.g.cs</c>: <c>OnnxGraph</c>, <c>ExportOnnx(path)</c>; for a model ONNX cannot express, members that throw and say why.</summary>
    public static string Emit(AnalyzedModel model, System.Threading.CancellationToken cancellationToken = default)
    {
        var spec = model.Spec;
        string? unsupported = null;
        OnnxGraphSpec? graph = null;
        if (model.CanEmit)
        {
            try
            {
                graph = Build(model, cancellationToken);
            }
            catch (OnnxUnsupportedException ex)
            {
                unsupported = $"Model '{spec.ClassName}' has no ONNX graph: {ex.Message}";
            }
        }
        else
        {
            unsupported = $"Model '{spec.ClassName}' has no ONNX graph because its Define has DSL errors; fix them (the build reports each at its line).";
        }

        var w = new IndentedWriter(cancellationToken);
        ModelEmitter.WriteHeader(w, spec, $"the ONNX inference graph (opset {Opset}); Dsl.Onnx writes it as a protobuf");

        string className = Names.Escape(spec.ClassName);
        w.Open($"partial class {className}");
        string shapes = graph is null ? "" : $": ({string.Join(", ", graph.Inputs.Select(i => $"{i.Name} {i.Type}"))}) -> ({string.Join(", ", graph.Outputs.Select(o => $"{o.Name} {o.Type}"))})";
        w.Line($"/// <summary>The inference graph of <see cref=\"{className}\"/> in ONNX terms (opset {Opset}){Names.XmlText(shapes)}; its initializers are named as the state dict names the weights.</summary>");
        w.Line("public static global::Dsl.Onnx.OnnxGraph OnnxGraph => BuildOnnxGraph();");
        w.Line();
        w.Line("/// <summary>Writes this module as an ONNX model (opset " + Opset + ") with its current weights as initializers.</summary>");
        w.Line("/// <param name=\"path\">The .onnx file to write (replaced atomically).</param>");
        w.Line("public void ExportOnnx(string path) => global::Dsl.Onnx.OnnxExport.Save(OnnxGraph, this, path);");
        w.Line();
        if (graph is null)
        {
            w.Line($"private static global::Dsl.Onnx.OnnxGraph BuildOnnxGraph() => throw new global::System.NotSupportedException({Names.StringLiteral(unsupported!)});");
        }
        else
        {
            w.Open("private static global::Dsl.Onnx.OnnxGraph BuildOnnxGraph()");
            w.Line($"var g = new global::Dsl.Onnx.OnnxGraph({Names.StringLiteral(spec.ClassName)}, {Names.IntLiteral(Opset)});");
            graph.WriteCalls(w);
            w.Line("return g;");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
