using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>ZeroPad2d(padding)</c> adds zero rows and columns around [B, C, H, W]; with <see cref="Crop"/>,
/// <c>Cropping2d(cropping)</c> removes them. The amounts are per side: top, bottom, left, right.
/// </summary>
internal sealed record ZeroPad2dOp(int Top, int Bottom, int Left, int Right, bool Crop = false) : Op
{
    public override string Kind => Crop ? "Cropping2d" : "ZeroPad2d";

    public override string NamePrefix => Crop ? "cropping2d" : "zero_pad2d";
}
