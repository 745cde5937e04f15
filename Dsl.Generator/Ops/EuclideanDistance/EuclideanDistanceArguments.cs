using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.EuclideanDistance(a, b)</c>.</summary>
internal static class EuclideanDistanceArguments
{
    public static OpRead Read(Call call) => new(new EuclideanDistanceOp(), call.Node("a"), call.Node("b"));
}
