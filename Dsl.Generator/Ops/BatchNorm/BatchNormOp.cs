using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>BatchNorm1d</c> over [B, F] or [B, C, L] (<see cref="SpatialRank"/> 0), <c>BatchNorm2d</c> over [B, C, H, W] (2)
/// or <c>BatchNorm3d</c> over [B, C, D, H, W] (3).
/// </summary>
internal sealed record BatchNormOp(int SpatialRank, double Eps, double Momentum) : Op
{
    public override string Kind => "BatchNorm" + (SpatialRank == 0 ? 1 : SpatialRank) + "d";

    public override string NamePrefix => "batch_norm";

    public override bool IsLayer => true;

    /// <summary>Its backward keeps the input and the batch statistics, not the output.</summary>
    public override bool WritesFreshOutput => true;
}
