using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.MatMul(a, b)</c>.</summary>
internal static class MatMulArguments
{
    public static OpRead Read(Call call) => new(new MatMulOp(), call.Node("a"), call.Node("b"));
}
