using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Onnx;

namespace Dsl.Onnx;

/// <summary>
/// A readable text dump of an ONNX model, one line per input, output, initializer (name and shape, no data) and node
/// (output = OpType(inputs) with its attributes and, where declared, its type): for reviews and snapshot tests.
/// </summary>
public static class OnnxText
{
    public static string Describe(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var text = new StringBuilder();
        string opsets = string.Join(", ", model.OpsetImport.Select(o => (o.Domain.Length == 0 ? "ai.onnx" : o.Domain) + " " + o.Version.ToString(CultureInfo.InvariantCulture)));
        text.Append(CultureInfo.InvariantCulture, $"graph {graph.Name} (IR {model.IrVersion}, opset {opsets})\n");
        foreach (var input in graph.Input)
        {
            text.Append(CultureInfo.InvariantCulture, $"input {input.Name}: {Type(input.Type)}\n");
        }

        foreach (var output in graph.Output)
        {
            text.Append(CultureInfo.InvariantCulture, $"output {output.Name}: {Type(output.Type)}\n");
        }

        foreach (var initializer in graph.Initializer)
        {
            text.Append(CultureInfo.InvariantCulture, $"initializer {initializer.Name}: {DataType(initializer.DataType)}[{string.Join(",", initializer.Dims)}]\n");
        }

        var types = graph.ValueInfo.ToDictionary(v => v.Name, v => Type(v.Type), StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            string attributes = string.Concat(node.Attribute.Select(a => " " + a.Name + "=" + Attribute(a)));
            string type = node.Output.Count == 1 && types.TryGetValue(node.Output[0], out var t) ? " : " + t : "";
            text.Append(CultureInfo.InvariantCulture, $"{string.Join(", ", node.Output)} = {node.OpType}({string.Join(", ", node.Input)}){attributes}{type}\n");
        }

        return text.ToString();
    }

    private static string Type(TypeProto type)
    {
        var tensor = type.TensorType;
        return DataType(tensor.ElemType) + "[" + string.Join(",", tensor.Shape.Dim.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue.ToString(CultureInfo.InvariantCulture) : d.DimParam)) + "]";
    }

    private static string DataType(int type) => (TensorProto.Types.DataType)type switch
    {
        TensorProto.Types.DataType.Float => "float",
        TensorProto.Types.DataType.Int64 => "int64",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string Attribute(AttributeProto attribute) => attribute.Type switch
    {
        AttributeProto.Types.AttributeType.Int => attribute.I.ToString(CultureInfo.InvariantCulture),
        AttributeProto.Types.AttributeType.Ints => "[" + string.Join(",", attribute.Ints.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]",
        AttributeProto.Types.AttributeType.Float => attribute.F.ToString("R", CultureInfo.InvariantCulture),
        AttributeProto.Types.AttributeType.String => "\"" + attribute.S.ToStringUtf8() + "\"",
        AttributeProto.Types.AttributeType.Strings => "[" + string.Join(",", attribute.Strings.Select(s => "\"" + s.ToStringUtf8() + "\"")) + "]",
        AttributeProto.Types.AttributeType.Tensor => Tensor(attribute.T),
        var other => other.ToString(),
    };

    private static string Tensor(TensorProto tensor)
    {
        var bytes = tensor.RawData.Span;
        IEnumerable<string> values = (TensorProto.Types.DataType)tensor.DataType == TensorProto.Types.DataType.Float
            ? MemoryMarshal.Cast<byte, float>(bytes).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))
            : MemoryMarshal.Cast<byte, long>(bytes).ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture));
        var list = values.ToList();
        string shown = list.Count <= 8 ? string.Join(",", list) : string.Join(",", list.Take(8)) + ",...";
        return $"{DataType(tensor.DataType)}[{string.Join(",", tensor.Dims)}]{{{shown}}}";
    }
}
