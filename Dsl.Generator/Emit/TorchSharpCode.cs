using System;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit;

/// <summary>Pieces of TorchSharp code shared by the ops' emitters: namespaces, literals, padding (the backend-neutral facts they lower are <see cref="Lowering.NodeLowering"/>'s).</summary>
internal static class TorchSharpCode
{
    public const string Nn = "global::TorchSharp.torch.nn.";
    public const string F = "global::TorchSharp.torch.nn.functional.";
    public const string Torch = "global::TorchSharp.torch.";

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
