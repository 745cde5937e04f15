using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.GlobalAvgPool2d()</c>.</summary>
internal static class GlobalAvgPool2dArguments
{
    public static OpRead Read(Call call) => new(new GlobalAvgPool2dOp(), call.Receiver());
}
