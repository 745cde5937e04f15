namespace Dsl.Generator.Model.Ops;

/// <summary><c>GlobalAvgPool2d()</c>: [B, C, H, W] to [B, C].</summary>
internal sealed record GlobalAvgPool2dOp : Op
{
    public override string Kind => "GlobalAvgPool2d";

    public override string NamePrefix => "global_avg_pool2d";
}
