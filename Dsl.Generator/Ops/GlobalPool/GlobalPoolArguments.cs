using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.GlobalAvgPool2d()</c>, <c>x.GlobalMaxPool2d()</c>, <c>x.GlobalAvgPool1d()</c>, <c>x.GlobalMaxPool1d()</c>.</summary>
internal static class GlobalPoolArguments
{
    public static OpRead Avg2d(Call call) => new(new GlobalPoolOp(PoolKind.Avg, 2), call.Receiver());

    public static OpRead Max2d(Call call) => new(new GlobalPoolOp(PoolKind.Max, 2), call.Receiver());

    public static OpRead Avg1d(Call call) => new(new GlobalPoolOp(PoolKind.Avg, 1), call.Receiver());

    public static OpRead Max1d(Call call) => new(new GlobalPoolOp(PoolKind.Max, 1), call.Receiver());
}
