using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>GlobalAvgPool2d()</c> / <c>GlobalMaxPool2d()</c>: [B, C, H, W] to [B, C]; <c>GlobalAvgPool1d()</c> /
/// <c>GlobalMaxPool1d()</c>: [B, C, L] to [B, C]. The mean or maximum over the <see cref="SpatialRank"/> spatial axes.
/// </summary>
internal sealed record GlobalPoolOp(PoolKind Pool = PoolKind.Avg, int SpatialRank = 2) : Op
{
    public override string Kind => "Global" + (Pool == PoolKind.Max ? "Max" : "Avg") + "Pool" + SpatialRank + "d";

    public override string NamePrefix => "global_" + (Pool == PoolKind.Max ? "max" : "avg") + "_pool" + SpatialRank + "d";
}
