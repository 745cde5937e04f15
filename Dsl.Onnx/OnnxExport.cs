using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Dsl.Weights;
using Onnx;
using TorchSharp;

namespace Dsl.Onnx;

/// <summary>
/// Writes an <see cref="OnnxGraph"/> as an ONNX model (IR version 8, the graph's opset) with a module's weights as
/// initializers, taken from its state dict by name: the protobuf classes are OnnxSharp's, serialized by Google.Protobuf.
/// </summary>
public static class OnnxExport
{
    /// <summary>IR version 8: what ONNX 1.10 to 1.12 write for opset 17, read by every ONNX Runtime since 1.10.</summary>
    public const long IrVersion = 8;

    /// <summary>Writes <paramref name="graph"/> with <paramref name="module"/>'s weights to <paramref name="path"/> (a temporary file, then renamed).</summary>
    public static void Save(OnnxGraph graph, torch.nn.Module module, string path)
    {
        byte[] bytes = ToModel(graph, module).ToByteArray();
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The ONNX model of <paramref name="graph"/> with <paramref name="module"/>'s state dict as initializers.</summary>
    public static ModelProto ToModel(OnnxGraph graph, torch.nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return ToModel(graph, module.state_dict());
    }

    /// <summary>
    /// The ONNX model of <paramref name="graph"/> with the initializers from <paramref name="weights"/> (state-dict names);
    /// a missing weight, one of another shape or one holding NaN / infinity throws and names it.
    /// </summary>
    public static ModelProto ToModel(OnnxGraph graph, IReadOnlyDictionary<string, torch.Tensor> weights)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(weights);
        var proto = new GraphProto { Name = graph.Name };
        proto.Input.AddRange(graph.Inputs.Select(ValueInfo));
        proto.Output.AddRange(graph.Outputs.Select(ValueInfo));
        foreach (var initializer in graph.Initializers)
        {
            if (!weights.TryGetValue(initializer.Name, out var tensor))
            {
                throw new InvalidOperationException($"{graph.Name}: the ONNX graph needs the weight '{initializer.Name}', which the module's state dict lacks (it has {string.Join(", ", weights.Keys.Take(8))}{(weights.Count > 8 ? ", ..." : "")}).");
            }

            proto.Initializer.Add(Initializer(graph.Name, initializer, tensor));
        }

        // A NaN or infinite weight makes every consumer of the file compute NaN: refuse it here, naming each tensor.
        var nonFinite = NonFiniteWeights.Find(graph.Initializers.Select(i => new KeyValuePair<string, torch.Tensor>(i.Name, weights[i.Name])));
        if (nonFinite.Count > 0)
        {
            throw new NonFiniteWeightsException("ONNX export of " + graph.Name, nonFinite);
        }

        foreach (var node in graph.Nodes)
        {
            proto.Node.Add(Node(node));
            if (node.Type is not null)
            {
                proto.ValueInfo.Add(ValueInfo(new OnnxValue(node.Output, node.Type)));
            }
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Dsl.Onnx",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "",
            Graph = proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = graph.Opset });
        return model;
    }

    private static ValueInfoProto ValueInfo(OnnxValue value)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in value.Type.Dims)
        {
            shape.Dim.Add(dim.Value is long size ? new TensorShapeProto.Types.Dimension { DimValue = size } : new TensorShapeProto.Types.Dimension { DimParam = dim.Param });
        }

        return new ValueInfoProto
        {
            Name = value.Name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)ElementType(value.Type.ElementType), Shape = shape } },
        };
    }

    private static TensorProto.Types.DataType ElementType(string name) => name switch
    {
        "float" => TensorProto.Types.DataType.Float,
        "int64" => TensorProto.Types.DataType.Int64,
        _ => throw new ArgumentException($"Unsupported element type '{name}'.", nameof(name)),
    };

    private static TensorProto Initializer(string graphName, OnnxValue initializer, torch.Tensor tensor)
    {
        long[] expected = initializer.Type.KnownSizes();
        if (!tensor.shape.SequenceEqual(expected))
        {
            throw new InvalidOperationException($"{graphName}: weight '{initializer.Name}' has shape [{string.Join(", ", tensor.shape)}] but the ONNX graph expects [{string.Join(", ", expected)}].");
        }

        float[] data;
        using (torch.NewDisposeScope())
        {
            data = tensor.detach().to(torch.ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        }

        var proto = new TensorProto { Name = initializer.Name, DataType = (int)TensorProto.Types.DataType.Float, RawData = RawBytes(data) };
        proto.Dims.AddRange(expected);
        return proto;
    }

    /// <summary>ONNX's raw data is little-endian.</summary>
    private static ByteString RawBytes<T>(T[] values)
        where T : struct
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this host is big-endian.");
        }

        return ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static NodeProto Node(OnnxNode node)
    {
        var proto = new NodeProto { OpType = node.OpType, Name = node.Output };
        proto.Input.AddRange(node.Inputs);
        proto.Output.Add(node.Output);
        proto.Output.AddRange(node.MoreOutputs);
        foreach (var attribute in node.Attributes)
        {
            proto.Attribute.Add(Attribute(attribute));
        }

        return proto;
    }

    private static AttributeProto Attribute(OnnxAttribute attribute)
    {
        var proto = new AttributeProto { Name = attribute.Name };
        switch (attribute.Value)
        {
            case long value:
                proto.Type = AttributeProto.Types.AttributeType.Int;
                proto.I = value;
                break;
            case long[] values:
                proto.Type = AttributeProto.Types.AttributeType.Ints;
                proto.Ints.AddRange(values);
                break;
            case float value:
                proto.Type = AttributeProto.Types.AttributeType.Float;
                proto.F = value;
                break;
            case string value:
                proto.Type = AttributeProto.Types.AttributeType.String;
                proto.S = ByteString.CopyFromUtf8(value);
                break;
            case string[] values:
                proto.Type = AttributeProto.Types.AttributeType.Strings;
                proto.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
                break;
            case OnnxTensor tensor:
                proto.Type = AttributeProto.Types.AttributeType.Tensor;
                proto.T = new TensorProto
                {
                    DataType = (int)(tensor.Floats is not null ? TensorProto.Types.DataType.Float : TensorProto.Types.DataType.Int64),
                    RawData = tensor.Floats is not null ? RawBytes(tensor.Floats) : RawBytes(tensor.Longs!),
                };
                proto.T.Dims.AddRange(tensor.Dims);
                break;
            default:
                throw new InvalidOperationException($"Attribute '{attribute.Name}' has an unsupported value {attribute.Value}.");
        }

        return proto;
    }
}
