using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Dsl.Onnx;

/// <summary>One dimension of an <see cref="OnnxType"/>: a size, or a name (<c>B</c>, <c>T</c>) for a size known only at run time.</summary>
public sealed record OnnxDim(long? Value, string? Param)
{
    public override string ToString() => Value is long value ? value.ToString(CultureInfo.InvariantCulture) : Param!;
}

/// <summary>
/// A tensor type as ONNX's text format writes it: <c>float[B,1,28,28]</c> (element type, then the dimensions; a name is
/// a symbolic dimension). The generated graph descriptions use this text form.
/// </summary>
public sealed record OnnxType(string ElementType, IReadOnlyList<OnnxDim> Dims)
{
    /// <summary>The element types the DSL produces.</summary>
    public static readonly IReadOnlyList<string> ElementTypes = new[] { "float", "int64" };

    /// <summary>Parses <c>float[B,1,28,28]</c>; throws <see cref="FormatException"/> on anything else.</summary>
    public static OnnxType Parse(string text)
    {
        int open = text.IndexOf('[');
        if (open < 0 || !text.EndsWith("]", StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not an ONNX tensor type such as float[B,1,28,28].");
        }

        string element = text.Substring(0, open).Trim();
        if (!ElementTypes.Contains(element))
        {
            throw new FormatException($"'{text}': element type '{element}' is not one of {string.Join(", ", ElementTypes)}.");
        }

        string inside = text.Substring(open + 1, text.Length - open - 2);
        var dims = inside.Trim().Length == 0
            ? new List<OnnxDim>()
            : inside.Split(',').Select(d => d.Trim()).Select(d => long.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? new OnnxDim(v, null) : new OnnxDim(null, d)).ToList();
        return new OnnxType(element, dims);
    }

    /// <summary>The sizes when every dimension is known (initializers), else throws.</summary>
    public long[] KnownSizes() => Dims.Select(d => d.Value ?? throw new InvalidOperationException($"{this} has a symbolic dimension.")).ToArray();

    public override string ToString() => ElementType + "[" + string.Join(",", Dims) + "]";
}
