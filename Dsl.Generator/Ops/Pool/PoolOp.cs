using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

internal enum PoolKind
{
    Max,
    Avg,
}

/// <summary>
/// <c>MaxPool1d</c> / <c>AvgPool1d</c> over [B, C, L] and <c>MaxPool2d</c> / <c>AvgPool2d</c> over [B, C, H, W]: one
/// kernel size and stride per spatial axis (their count is the spatial rank); the stride defaults to the kernel size.
/// <see cref="CeilMode"/>: PyTorch's ceil_mode, a last partial window where the input does not fill one (with Valid or
/// explicit padding).
/// </summary>
internal sealed record PoolOp(PoolKind Pool, EquatableArray<int> KernelSize, EquatableArray<int> Stride, PaddingSpec Padding, bool CeilMode = false) : Op
{
    /// <summary>A square 2-D window (the common case; tests build it this way).</summary>
    public PoolOp(PoolKind pool, int kernelSize, int stride, PaddingSpec padding)
        : this(pool, EquatableArray.Create(kernelSize, kernelSize), EquatableArray.Create(stride, stride), padding)
    {
    }

    /// <summary>The number of spatial axes (1 or 2).</summary>
    public int SpatialRank => KernelSize.Count;

    /// <summary>True when every axis has the same kernel size and stride.</summary>
    public bool IsUniform => KernelSize.Distinct().Count() == 1 && Stride.Distinct().Count() == 1;

    public override string Kind => (Pool == PoolKind.Max ? "MaxPool" : "AvgPool") + SpatialRank + "d";

    public override string NamePrefix => (Pool == PoolKind.Max ? "max_pool" : "avg_pool") + SpatialRank + "d";
}
