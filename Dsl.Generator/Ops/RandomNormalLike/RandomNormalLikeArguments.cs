using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.RandomNormalLike()</c>.</summary>
internal static class RandomNormalLikeArguments
{
    public static OpRead Read(Call call) => new(new RandomNormalLikeOp(), call.Receiver());
}
