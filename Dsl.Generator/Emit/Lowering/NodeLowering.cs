using System;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit.Lowering;

/// <summary>
/// What every backend (TorchSharp, PyTorch, ONNX) reads from the analysis the same way when it lowers a node: the
/// known input sizes a layer is constructed with, and the explicit padding of a convolution or pooling.
/// </summary>
internal static class NodeLowering
{
    /// <summary>The explicit padding of a convolution or pooling node over <paramref name="rank"/> spatial axes: the analysis' plan, or the declared amount.</summary>
    public static PaddingPlan PaddingOf(NodeSpec node, PaddingSpec declared, AnalyzedModel model, int rank)
    {
        if (model.Nodes[node.Id].Padding is { } plan)
        {
            return plan;
        }

        return declared.Mode switch
        {
            PaddingMode.Valid => PaddingPlan.Zero(rank),
            PaddingMode.Explicit => new PaddingPlan(Enumerable.Range(0, rank).Select(declared.AmountAt).ToEquatableArray(), Enumerable.Range(0, rank).Select(declared.AmountAt).ToEquatableArray()),
            _ => throw new InvalidOperationException($"'{node.Name}': shape inference left its Same padding unresolved."),
        };
    }

    /// <summary>A size of the node's first input that the layer's construction needs (<c>in_channels</c>, <c>in_features</c>).</summary>
    public static long KnownDim(AnalyzedModel model, NodeSpec node, int index)
    {
        var type = model.TypeOf(node.Inputs[0]);
        if (index >= type.Dims.Count || !type.Dims[index].IsKnown)
        {
            throw new InvalidOperationException($"'{node.Name}' ({node.Op.Kind}) needs a known size at dimension {index + 1} of its input {type.ShapeText}.");
        }

        return type.Dims[index].Value;
    }
}
