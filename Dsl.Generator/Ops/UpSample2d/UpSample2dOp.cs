namespace Dsl.Generator.Model.Ops;

/// <summary><c>UpSample2d(k)</c>: nearest neighbour, [B, C, H, W] to [B, C, H*k, W*k].</summary>
internal sealed record UpSample2dOp(int ScaleFactor) : Op
{
    public override string Kind => "UpSample2d";

    public override string NamePrefix => "up_sample2d";
}
