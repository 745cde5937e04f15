using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.MaxPool2d(kernelSize, stride, padding)</c>, <c>x.AvgPool2d(...)</c> and their 1-D kinds; kernel size
/// and stride are an int or a tuple of one per axis, the stride defaults to the kernel size; ceilMode as PyTorch's.
/// </summary>
internal static class PoolArguments
{
    public static OpRead Max1d(Call call) => Read(call, PoolKind.Max, 1);

    public static OpRead Avg1d(Call call) => Read(call, PoolKind.Avg, 1);

    public static OpRead Max2d(Call call) => Read(call, PoolKind.Max, 2);

    public static OpRead Avg2d(Call call) => Read(call, PoolKind.Avg, 2);

    private static OpRead Read(Call call, PoolKind pool, int rank)
    {
        var self = call.Receiver();
        var kernel = call.IntsPerAxis("kernelSize", rank, 1)!.Value;
        var stride = call.IntsPerAxis("stride", rank, 1) ?? kernel;
        return new OpRead(new PoolOp(pool, kernel, stride, call.Padding("padding"), call.Bool("ceilMode", defaultValue: false)), self);
    }
}
