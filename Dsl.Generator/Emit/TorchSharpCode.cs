using System;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit;

/// <summary>Pieces of TorchSharp code shared by the ops' emitters: namespaces, literals, padding.</summary>
internal static class TorchSharpCode
{
    public const string Nn = "global::TorchSharp.torch.nn.";
    public const string F = "global::TorchSharp.torch.nn.functional.";
    public const string Torch = "global::TorchSharp.torch.";

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

    /// <summary>
    /// <c>functional.pad</c> of the spatial dimensions in PyTorch's order, last dimension first: for 2-D left,
    /// right, top, bottom.
    /// </summary>
    public static string Pad(string x, PaddingPlan padding, string? value = null)
    {
        var amounts = Enumerable.Range(0, padding.Rank).Reverse().SelectMany(axis => new[] { Lit(padding.Before[axis]), Lit(padding.After[axis]) });
        return $"{F}pad({x}, new long[] {{ {string.Join(", ", amounts)} }}" + (value is null ? ")" : $", value: {value})");
    }

    public static string Pair(int value) => $"({Lit(value)}, {Lit(value)})";

    /// <summary>One size per spatial axis: a single literal when <paramref name="tuple"/> is false (all equal), else a tuple <c>(a, b)</c>.</summary>
    public static string Axes(System.Collections.Generic.IEnumerable<int> values, bool tuple)
    {
        var literals = values.Select(v => Lit(v)).ToList();
        return tuple ? "(" + string.Join(", ", literals) + ")" : literals[0];
    }

    public static string Lit(long value) => Names.IntLiteral(value);
}
