using System;
using System.Collections.Generic;

namespace Dsl.Onnx;

/// <summary>An attribute of a node: an int, ints, a float, a string, or a constant tensor (<see cref="OnnxTensor"/>).</summary>
public sealed record OnnxAttribute(string Name, object Value);

/// <summary>The value of a <c>Constant</c> node: float or int64 data of a shape (a scalar when the shape is empty).</summary>
public sealed record OnnxTensor(long[] Dims, float[]? Floats, long[]? Longs);

/// <summary>One node of an <see cref="OnnxGraph"/>: op type, input values, its one output, attributes, and optionally the output's type.</summary>
public sealed class OnnxNode
{
    private readonly List<OnnxAttribute> attributes = new();
    private readonly List<string> moreOutputs = new();
    private readonly Action<string>? define;

    internal OnnxNode(string opType, string output, IReadOnlyList<string> inputs, Action<string>? define = null)
    {
        this.define = define;
        OpType = opType;
        Output = output;
        Inputs = inputs;
    }

    public string OpType { get; }

    public string Output { get; }

    /// <summary>Input value names; an empty name leaves an optional input out.</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<OnnxAttribute> Attributes => attributes;

    /// <summary>The output's type when the DSL's shape inference knows it (written as the graph's value info).</summary>
    public OnnxType? Type { get; private set; }

    public OnnxNode Int(string name, long value) => With(name, value);

    public OnnxNode Ints(string name, params long[] values) => With(name, values);

    /// <summary>A float attribute (ONNX stores it as float32).</summary>
    public OnnxNode Float(string name, double value) => With(name, (float)value);

    public OnnxNode String(string name, string value) => With(name, value);

    /// <summary>A list of strings (an RNN's <c>activations</c>).</summary>
    public OnnxNode Strings(string name, params string[] values) => With(name, values);

    internal OnnxNode Tensor(string name, OnnxTensor value) => With(name, value);

    /// <summary>The outputs after the first, in the op's order (an LSTM's <c>Y_h</c>, <c>Y_c</c>); an empty name leaves one out.</summary>
    public IReadOnlyList<string> MoreOutputs => moreOutputs;

    /// <summary>Names further outputs of the node, after <see cref="Output"/>.</summary>
    public OnnxNode AlsoOutputs(params string[] outputs)
    {
        foreach (string output in outputs)
        {
            if (output.Length > 0)
            {
                // Later nodes may read it: the graph learns of it as of the node's first output.
                define?.Invoke(output);
            }
        }

        moreOutputs.AddRange(outputs);
        return this;
    }

    /// <summary>Declares the output's type (<c>float[B,32,26,26]</c>).</summary>
    public OnnxNode Returns(string type)
    {
        Type = OnnxType.Parse(type);
        return this;
    }

    private OnnxNode With(string name, object value)
    {
        if (attributes.Exists(a => a.Name == name))
        {
            throw new InvalidOperationException($"Node '{Output}' ({OpType}) already has an attribute '{name}'.");
        }

        attributes.Add(new OnnxAttribute(name, value));
        return this;
    }
}
