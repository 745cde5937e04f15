using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit;

/// <summary>Pieces of Python shared by the ops' PyTorch emitters: literals, tuples and explicit padding.</summary>
internal static class PyTorchCode
{
    /// <summary>An integer literal.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float literal that round-trips (<c>0.25</c>, <c>1e-05</c>, <c>float("-inf")</c>).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "float(\"nan\")";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "float(\"inf\")" : "float(\"-inf\")";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return text.IndexOf('.') >= 0 || text.IndexOf('e') >= 0 ? text : text + ".0";
    }

    /// <summary>A Python boolean.</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>A Python string literal in double quotes.</summary>
    public static string Str(string value)
    {
        var text = new System.Text.StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>A tuple of integers: <c>(1, 2)</c>, <c>(3,)</c> for one.</summary>
    public static string Tuple(IEnumerable<long> values)
    {
        var items = values.Select(Int).ToList();
        return items.Count == 1 ? $"({items[0]},)" : $"({string.Join(", ", items)})";
    }

    /// <summary>One size per spatial axis: a single literal where every axis agrees, else a tuple.</summary>
    public static string Axes(IEnumerable<int> values)
    {
        var list = values.Select(v => (long)v).ToList();
        return list.Distinct().Count() == 1 ? Int(list[0]) : Tuple(list);
    }

    /// <summary>
    /// <c>F.pad</c> of the spatial dimensions in PyTorch's order, last dimension first (for 2-D: left, right, top,
    /// bottom), as the TorchSharp code pads (<see cref="TorchSharpCode.Pad"/>).
    /// </summary>
    public static string Pad(string x, PaddingPlan padding, string? value = null)
    {
        var amounts = Enumerable.Range(0, padding.Rank).Reverse().SelectMany(axis => new long[] { padding.Before[axis], padding.After[axis] });
        return $"F.pad({x}, {Tuple(amounts)}" + (value is null ? ")" : $", value={value})");
    }
}
