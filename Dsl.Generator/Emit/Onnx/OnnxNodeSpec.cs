using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit.Onnx;

/// <summary>
/// One ONNX node of a graph being emitted: its op type, inputs, one output and attributes, kept as the C# builder
/// calls (<c>.Ints("pads", 0, 0, 1, 1)</c>) that Dsl.Onnx's <c>OnnxNode</c> offers. A constant is a node too: its
/// <see cref="ConstantCall"/> is the whole <c>g.Constant(...)</c> call.
/// </summary>
internal sealed class OnnxNodeSpec
{
    private readonly List<string> attributes = new();
    private readonly List<string> moreOutputs = new();

    public OnnxNodeSpec(string opType, string output, IReadOnlyList<string> inputs, string? constantCall = null)
    {
        OpType = opType;
        Output = output;
        Inputs = inputs;
        ConstantCall = constantCall;
    }

    public string OpType { get; }

    public string Output { get; }

    /// <summary>Input value names; an empty name leaves an optional input out (ONNX's convention).</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>For a constant: the <c>Constant(...)</c> call that creates it; otherwise null.</summary>
    public string? ConstantCall { get; }

    /// <summary>The output's type as ONNX writes it (<c>float[B,32,26,26]</c>), when the DSL knows it (a node's result).</summary>
    public string? Type { get; set; }

    public IReadOnlyList<string> Attributes => attributes;

    /// <summary>Outputs after the first, in ONNX's order (an LSTM's Y_h and Y_c); an empty name leaves one out.</summary>
    public IReadOnlyList<string> MoreOutputs => moreOutputs;

    /// <summary>Names the node's further outputs (<c>.AlsoOutputs("y_h", "y_c")</c> on Dsl.Onnx's node).</summary>
    public OnnxNodeSpec AlsoOutputs(params string[] outputs)
    {
        moreOutputs.AddRange(outputs);
        return With($".AlsoOutputs({string.Join(", ", outputs.Select(Names.StringLiteral))})");
    }

    public OnnxNodeSpec Int(string name, long value) => With($".Int({Names.StringLiteral(name)}, {Names.IntLiteral(value)})");

    public OnnxNodeSpec Ints(string name, params long[] values) =>
        With($".Ints({Names.StringLiteral(name)}{string.Concat(values.Select(v => ", " + Names.IntLiteral(v)))})");

    public OnnxNodeSpec Float(string name, double value) => With($".Float({Names.StringLiteral(name)}, {Names.DoubleLiteral(value)})");

    public OnnxNodeSpec String(string name, string value) => With($".String({Names.StringLiteral(name)}, {Names.StringLiteral(value)})");

    public OnnxNodeSpec Strings(string name, params string[] values) =>
        With($".Strings({Names.StringLiteral(name)}{string.Concat(values.Select(v => ", " + Names.StringLiteral(v)))})");

    private OnnxNodeSpec With(string call)
    {
        attributes.Add(call);
        return this;
    }
}
