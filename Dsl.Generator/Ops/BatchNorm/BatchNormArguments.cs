using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.BatchNorm2d(eps, momentum, name)</c> <c>x.BatchNorm1d(...)</c> and <c>x.BatchNorm3d(...)</c>.</summary>
internal static class BatchNormArguments
{
    public static OpRead Read2d(Call call) => Read(call, 2);

    public static OpRead Read1d(Call call) => Read(call, 0);

    public static OpRead Read3d(Call call) => Read(call, 3);

    private static OpRead Read(Call call, int spatialRank)
    {
        var self = call.Receiver();
        return new OpRead(new BatchNormOp(spatialRank, call.Positive("eps"), call.Fraction("momentum")), self);
    }
}
