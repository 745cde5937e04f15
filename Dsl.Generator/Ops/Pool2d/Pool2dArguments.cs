using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.MaxPool2d(kernelSize, stride, padding)</c> and <c>x.AvgPool2d(...)</c>; the stride defaults to the kernel size.</summary>
internal static class Pool2dArguments
{
    public static OpRead Max(Call call) => Read(call, PoolKind.Max);

    public static OpRead Avg(Call call) => Read(call, PoolKind.Avg);

    private static OpRead Read(Call call, PoolKind pool)
    {
        var self = call.Receiver();
        int kernel = call.Int("kernelSize", 1);
        int stride = call.OptionalInt("stride", 1) ?? kernel;
        return new OpRead(new Pool2dOp(pool, kernel, stride, call.Padding("padding")), self);
    }
}
