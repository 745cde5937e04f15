using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>UpSample2d(k, mode)</c>: nearest neighbour or (<see cref="Bilinear"/>) bilinear, [B, C, H, W] to [B, C, H*k, W*k].</summary>
internal sealed record UpSample2dOp(int ScaleFactor, bool Bilinear = false) : Op
{
    public override string Kind => "UpSample2d";

    public override string NamePrefix => "up_sample2d";
}
