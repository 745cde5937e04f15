using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>Ops.CosineSimilarity(a, b)</c>.</summary>
internal static class CosineSimilarityArguments
{
    public static OpRead Read(Call call) => new(new CosineSimilarityOp(), call.Node("a"), call.Node("b"));
}
