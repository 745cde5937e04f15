namespace Dsl.Generator.Model.Ops;

internal enum PoolKind
{
    Max,
    Avg,
}

/// <summary><c>MaxPool2d</c> / <c>AvgPool2d</c> with a square kernel; <see cref="Stride"/> defaults to the kernel size.</summary>
internal sealed record Pool2dOp(PoolKind Pool, int KernelSize, int Stride, PaddingSpec Padding) : Op
{
    public override string Kind => Pool == PoolKind.Max ? "MaxPool2d" : "AvgPool2d";

    public override string NamePrefix => Pool == PoolKind.Max ? "max_pool2d" : "avg_pool2d";
}

/// <summary><c>GlobalAvgPool2d()</c>: [B, C, H, W] to [B, C].</summary>
internal sealed record GlobalAvgPool2dOp : Op
{
    public override string Kind => "GlobalAvgPool2d";

    public override string NamePrefix => "global_avg_pool2d";
}

/// <summary><c>UpSample2d(k)</c>: nearest neighbour, [B, C, H, W] to [B, C, H*k, W*k].</summary>
internal sealed record UpSample2dOp(int ScaleFactor) : Op
{
    public override string Kind => "UpSample2d";

    public override string NamePrefix => "up_sample2d";
}
