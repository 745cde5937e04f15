using System.Linq;

namespace Dsl.Generator.Model;

/// <summary>The element type of a node.</summary>
internal enum DType
{
    Float32,
    Int64,
}

/// <summary>The static type of a node: its shape after the batch dimension, and its dtype.</summary>
internal sealed record TensorType(EquatableArray<DimExpr> Dims, DType DType = DType.Float32)
{
    /// <summary>Rank including the batch dimension.</summary>
    public int Rank => Dims.Count + 1;

    public bool IsFullyKnown => Dims.All(d => d.IsKnown);

    public static TensorType Of(params int[] dims) => new(dims.Select(DimExpr.Of).ToEquatableArray());

    /// <summary>The shape as users read it: <c>[B, 1, 28, 28]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", new[] { "B" }.Concat(Dims.Select(d => d.ToString()))) + "]";

    public string DTypeText => DType == DType.Int64 ? "int64" : "float32";

    public override string ToString() => ShapeText;
}
