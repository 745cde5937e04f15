using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Dropout(p)</c> drops elements; <c>Dropout1d(p)</c> / <c>Dropout2d(p)</c> drop whole channels of [B, C, L] /
/// [B, C, H, W] (<see cref="SpatialRank"/> 1 / 2; 0 for element dropout). Identity in eval mode.
/// </summary>
internal sealed record DropoutOp(double P, int SpatialRank = 0) : Op
{
    public override string Kind => SpatialRank == 0 ? "Dropout" : "Dropout" + SpatialRank + "d";
}
