using System.Linq;

namespace Dsl.Generator.Model;

/// <summary>The element type of a node.</summary>
internal enum DType
{
    Float32,
    Int64,
}

/// <summary>
/// The static type of a node: its shape after the batch dimension, and its dtype. <see cref="IsSpatial"/> tags a
/// channels-first feature map [B, C, H, W] (set by images and the convolution / pooling rules, kept by element-wise
/// ops, cleared by every rule that builds a new type): Linear reads it to tell a feature map it must not apply to
/// per position from a [B, T, F] sequence. Shape checks compare <see cref="Dims"/>, so the tag never makes two
/// shapes differ.
/// </summary>
internal sealed record TensorType(EquatableArray<DimExpr> Dims, DType DType = DType.Float32)
{
    /// <summary>True for a channels-first feature map (see the type's summary).</summary>
    public bool IsSpatial { get; init; }

    /// <summary>
    /// True for a batch of one: axis 0 has size 1 instead of the batch B (a <c>g.Parameter</c>, a constant, positions).
    /// It broadcasts against [B, ...] in element-wise ops; ops of one input keep it (see <c>Shapes.Broadcast.Batch</c>).
    /// </summary>
    public bool BatchOne { get; init; }

    /// <summary>
    /// True for a batch-level tensor: a sample's values depend on the other samples of the batch. The ops that mix
    /// samples set it (<c>Ops.BatchSimilarity</c>'s [B, B], whose columns are the samples of the other batch and whose
    /// second axis is the batch size <see cref="DimExpr.BatchSize"/>; <c>x.BatchMean()</c>'s batch statistic, a batch of
    /// one); every op that reads one keeps it (<c>Shapes.BatchLevel</c>). Per-sample ops that would compute a wrong
    /// result on it (a batch norm of a statistic, per-sample targets against a statistic) are DSL0010.
    /// </summary>
    public bool MixesSamples { get; init; }

    /// <summary>This type tagged as a channels-first feature map.</summary>
    public TensorType AsSpatial() => IsSpatial ? this : this with { IsSpatial = true };

    /// <summary>Rank including the batch dimension.</summary>
    public int Rank => Dims.Count + 1;

    public bool IsFullyKnown => Dims.All(d => d.IsKnown);

    public static TensorType Of(params int[] dims) => new(dims.Select(DimExpr.Of).ToEquatableArray());

    /// <summary>The shape as users read it: <c>[B, 1, 28, 28]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", new[] { BatchOne ? "1" : "B" }.Concat(Dims.Select(d => d.ToString()))) + "]";

    public string DTypeText => DType == DType.Int64 ? "int64" : "float32";

    /// <summary>The shape and dtype: <c>[B, T] int64</c>.</summary>
    public string TypeText => ShapeText + " " + DTypeText;

    public override string ToString() => ShapeText;
}
