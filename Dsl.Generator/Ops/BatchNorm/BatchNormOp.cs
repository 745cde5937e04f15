namespace Dsl.Generator.Model.Ops;

/// <summary><c>BatchNorm1d</c> over [B, F] (<see cref="SpatialRank"/> 0) or <c>BatchNorm2d</c> over [B, C, H, W] (2).</summary>
internal sealed record BatchNormOp(int SpatialRank, double Eps, double Momentum) : Op
{
    public override string Kind => SpatialRank == 2 ? "BatchNorm2d" : "BatchNorm1d";

    public override string NamePrefix => "batch_norm";

    public override bool IsLayer => true;
}
