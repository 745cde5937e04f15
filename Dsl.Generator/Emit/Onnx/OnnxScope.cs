using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Emit.Lowering;

namespace Dsl.Generator.Emit.Onnx;

/// <summary>
/// What an op's ONNX emitter sees while one model (the root, or a submodel inlined at one application) is written into
/// the flat graph: the values of its inputs, the state-dict prefix of its weights (<c>tower.</c>), the prefix of its
/// value names (<c>tower_1/</c>, so two applications of one submodel do not clash), and the node being emitted.
/// </summary>
internal sealed class OnnxScope
{
    private readonly OnnxGraphSpec graph;
    private readonly string weightPrefix;
    private readonly string valuePrefix;
    private readonly IReadOnlyList<string> boundInputs;
    private readonly Dictionary<int, IReadOnlyList<string>> values = new();
    private NodeSpec? current;

    public OnnxScope(OnnxGraphSpec graph, AnalyzedModel model, string weightPrefix, string valuePrefix, IReadOnlyList<string> boundInputs)
    {
        this.graph = graph;
        Model = model;
        this.weightPrefix = weightPrefix;
        this.valuePrefix = valuePrefix;
        this.boundInputs = boundInputs;
    }

    public AnalyzedModel Model { get; }

    /// <summary>The value name of the current node's result (<c>layer1</c>, <c>tower_1/conv2d_1</c>).</summary>
    public string Output { get; private set; } = "";

    private NodeSpec Current => current ?? throw new InvalidOperationException("No node is being emitted.");

    /// <summary>Emits every node of the model in order; returns the values of the model's outputs (all of them, in order).</summary>
    public IReadOnlyList<string> EmitAll()
    {
        foreach (var node in Model.Spec.Nodes)
        {
            var emitter = OpCatalogue.For(node.Op)?.Onnx
                ?? throw new OnnxUnsupportedException($"{node.Op.Kind} ('{node.Name}') has no ONNX emitter yet.");
            current = node;
            Output = node.Op is InputOp ? "" : graph.Unique(valuePrefix + node.Name);
            int before = graph.Nodes.Count;
            var result = emitter.Emit(node, this);
            values[node.Id] = result;
            if (result.Count == 1 && result[0] == Output && WrittenSince(before, Output) is { } written)
            {
                written.Type = OnnxGraphSpec.TypeText(Model.TypeOf(node.Id));
            }
        }

        current = null;
        return Model.Spec.Outputs.Select(o => values[o.Node][0]).ToList();
    }

    /// <summary>The last node written since <paramref name="start"/> that writes <paramref name="output"/> (only the current node's nodes are searched: linear in the graph).</summary>
    private OnnxNodeSpec? WrittenSince(int start, string output)
    {
        for (int i = graph.Nodes.Count - 1; i >= start; i--)
        {
            if (graph.Nodes[i].Output == output)
            {
                return graph.Nodes[i];
            }
        }

        return null;
    }

    /// <summary>The value of the current node's input <paramref name="index"/>.</summary>
    public string Input(int index) => values[Current.Inputs[index]][0];

    /// <summary>The static type of the current node's input <paramref name="index"/>.</summary>
    public TensorType InputType(int index) => Model.TypeOf(Current.Inputs[index]);

    /// <summary>The values a node produced (a submodel application: one per output of the submodel).</summary>
    public IReadOnlyList<string> ValuesOf(int node) => values[node];

    /// <summary>The value an input node stands for: the graph input, or what the caller passed to the submodel.</summary>
    public string BoundInput(NodeSpec input) => boundInputs[(inputIndex ??= Model.Spec.Nodes.Where(n => n.Op is InputOp).Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i))[input.Id]];

    private Dictionary<int, int>? inputIndex;

    /// <summary>A fresh value name for an intermediate result of the current node (<c>mish_1/softplus</c>).</summary>
    public string Temp(string suffix) => graph.Unique(Output + "/" + suffix);

    /// <summary>
    /// The initializer of the current layer's <paramref name="parameter"/>, named as the state dict names it
    /// (<c>tower.conv2d_1.weight</c>; a later application of a shared block names the first application's layer).
    /// </summary>
    public string Weight(string parameter, params long[] shape) => WeightOf(Current.Id, parameter, shape);

    /// <summary>The initializer of parameter <paramref name="parameter"/> of another layer, <paramref name="node"/> (a tied weight shares it).</summary>
    public string WeightOf(int node, string parameter, params long[] shape)
    {
        var spec = Model.Spec.Nodes[node];
        string layer = spec.SharedWith >= 0 ? Model.Spec.Nodes[spec.SharedWith].Name : spec.Name;
        return graph.Initializer(weightPrefix + layer + "." + parameter, shape);
    }

    /// <summary>The initializer of the current <c>g.Parameter</c>, named as the state dict names it (<c>tower.cls_token</c>, no suffix).</summary>
    public string Parameter(params long[] shape) =>
        graph.Initializer(weightPrefix + (Current.SharedWith >= 0 ? Model.Spec.Nodes[Current.SharedWith].Name : Current.Name), shape);

    /// <summary>Adds a node; attributes follow fluently.</summary>
    public OnnxNodeSpec Add(string opType, string output, params string[] inputs) => graph.Add(new OnnxNodeSpec(opType, output, inputs));

    /// <summary>A 1-D int64 constant (axes, shapes, slice bounds).</summary>
    public string Ints(string suffix, params long[] values)
    {
        string name = Temp(suffix);
        graph.Add(new OnnxNodeSpec("Constant", name, Array.Empty<string>(), $"Constant({Names.StringLiteral(name)}, new long[] {{ {string.Join(", ", values.Select(v => Names.IntLiteral(v)))} }})"));
        return name;
    }

    /// <summary>
    /// A <c>Slice</c> of <paramref name="x"/> along one axis from <paramref name="start"/> to before <paramref name="end"/>
    /// (negative bounds count from the back, long.MaxValue runs to the end), written to <paramref name="output"/>, which it returns.
    /// </summary>
    public string Slice(string output, string x, long axis, long start, long end)
    {
        Add("Slice", output, x, Ints("start", start), Ints("end", end), Ints("axis", axis));
        return output;
    }

    /// <summary>A float constant of <paramref name="shape"/> (a scalar when empty) holding <paramref name="values"/>, or one value repeated.</summary>
    public string Floats(string suffix, double[] values, params long[] shape)
    {
        string name = Temp(suffix);
        string dims = string.Concat(shape.Select(d => ", " + Names.IntLiteral(d)));
        graph.Add(new OnnxNodeSpec("Constant", name, Array.Empty<string>(), $"Constant({Names.StringLiteral(name)}, new double[] {{ {string.Join(", ", values.Select(Names.DoubleLiteral))} }}{dims})"));
        return name;
    }

    /// <summary>A float scalar constant.</summary>
    public string Scalar(string suffix, double value) => Floats(suffix, new[] { value });

    /// <summary>The explicit padding of the current convolution or pooling node, as the TorchSharp module pads.</summary>
    public PaddingPlan Padding(PaddingSpec declared, int rank) => NodeLowering.PaddingOf(Current, declared, Model, rank);

    /// <summary>ONNX's <c>pads</c>: every axis' start, then every axis' end.</summary>
    public static long[] Pads(PaddingPlan padding) => padding.Before.Concat(padding.After).Select(p => (long)p).ToArray();

    /// <summary>
    /// Inlines the submodel of use <paramref name="use"/> applied to <paramref name="inputs"/>: its nodes join the graph with
    /// value names under the application's name and weights under the use's name, so every application of one use
    /// reads the same initializers (shared weights). Returns the values of the submodel's outputs.
    /// </summary>
    public IReadOnlyList<string> Apply(int use, IReadOnlyList<string> inputs)
    {
        var resolved = Model.Uses[use];
        var sub = resolved.Model ?? throw new OnnxUnsupportedException($"the submodel '{resolved.Use.Name}' ({resolved.Use.Model}) was not analyzed.");
        var scope = new OnnxScope(graph, sub, weightPrefix + resolved.Use.Name + ".", Output + "/", inputs);
        return scope.EmitAll();
    }
}

/// <summary>A model the ONNX emitter cannot express; the generated graph member throws with this message instead.</summary>
internal sealed class OnnxUnsupportedException : Exception
{
    public OnnxUnsupportedException(string message)
        : base(message)
    {
    }
}
