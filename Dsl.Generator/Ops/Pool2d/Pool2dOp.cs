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
