using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Flatten()</c>.</summary>
internal static class FlattenArguments
{
    public static OpRead Read(Call call) => new(new FlattenOp(), call.Receiver());
}
