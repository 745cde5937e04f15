using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>AdaptiveAvgPool2d(outputHeight, outputWidth)</c>: averages [B, C, H, W] into a fixed [B, C, outputHeight, outputWidth] grid.</summary>
internal sealed record AdaptiveAvgPool2dOp(int OutputHeight, int OutputWidth) : Op
{
    public override string Kind => "AdaptiveAvgPool2d";

    public override string NamePrefix => "adaptive_avg_pool2d";
}
