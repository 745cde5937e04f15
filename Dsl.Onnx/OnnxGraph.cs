using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Onnx;

/// <summary>A graph input, output or initializer: a name and a type.</summary>
public sealed record OnnxValue(string Name, OnnxType Type);

/// <summary>
/// The inference graph of a model in ONNX terms, as the generated <c>OnnxGraph</c> member of a <c>[Model]</c> class
/// builds it: named inputs and outputs, initializers named as the module's state dict names its weights (no data:
/// <see cref="OnnxExport"/> takes them from a module), and nodes in execution order. Pure data, no protobuf.
/// </summary>
public sealed class OnnxGraph
{
    private readonly List<OnnxValue> inputs = new();
    private readonly List<OnnxValue> outputs = new();
    private readonly List<OnnxValue> initializers = new();
    private readonly List<OnnxNode> nodes = new();
    private readonly HashSet<string> values = new(StringComparer.Ordinal);

    public OnnxGraph(string name, int opset)
    {
        Name = name;
        Opset = opset;
    }

    /// <summary>The graph's name: the model's class name.</summary>
    public string Name { get; }

    /// <summary>The version of the default ONNX operator set the nodes are written for.</summary>
    public int Opset { get; }

    public IReadOnlyList<OnnxValue> Inputs => inputs;

    public IReadOnlyList<OnnxValue> Outputs => outputs;

    /// <summary>The weights the graph reads, by state-dict name, with their shapes.</summary>
    public IReadOnlyList<OnnxValue> Initializers => initializers;

    public IReadOnlyList<OnnxNode> Nodes => nodes;

    public void Input(string name, string type)
    {
        Define(name);
        inputs.Add(new OnnxValue(name, OnnxType.Parse(type)));
    }

    /// <summary>Declares a graph output; a node must produce it.</summary>
    public void Output(string name, string type) => outputs.Add(new OnnxValue(name, OnnxType.Parse(type)));

    public void Initializer(string name, string type)
    {
        Define(name);
        initializers.Add(new OnnxValue(name, OnnxType.Parse(type)));
    }

    /// <summary>Adds a node computing <paramref name="output"/> from <paramref name="inputs"/>, each defined before (or empty: omitted).</summary>
    public OnnxNode Node(string opType, string output, params string[] inputs)
    {
        foreach (string input in inputs)
        {
            if (input.Length > 0 && !values.Contains(input))
            {
                throw new InvalidOperationException($"Node '{output}' ({opType}) reads '{input}', which no input, initializer or earlier node defines.");
            }
        }

        Define(output);
        var node = new OnnxNode(opType, output, inputs, Define);
        nodes.Add(node);
        return node;
    }

    /// <summary>A 1-D int64 constant.</summary>
    public void Constant(string output, long[] values) =>
        Node("Constant", output).Tensor("value", new OnnxTensor(new long[] { values.Length }, null, values));

    /// <summary>A float constant of shape <paramref name="dims"/> (a scalar when none): <paramref name="values"/> in order, or one value repeated.</summary>
    public void Constant(string output, double[] values, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (values.Length != count && values.Length != 1)
        {
            throw new ArgumentException($"Constant '{output}': {values.Length} values for a shape of {count} elements.", nameof(values));
        }

        var data = Enumerable.Range(0, checked((int)count)).Select(i => (float)values[values.Length == 1 ? 0 : i]).ToArray();
        Node("Constant", output).Tensor("value", new OnnxTensor(dims, data, null));
    }

    private void Define(string name)
    {
        if (!values.Add(name))
        {
            throw new InvalidOperationException($"The graph '{Name}' defines '{name}' twice.");
        }
    }
}
