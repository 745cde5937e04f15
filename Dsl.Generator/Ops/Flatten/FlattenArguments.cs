using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Flatten(startDim, endDim)</c>.</summary>
internal static class FlattenArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new(new FlattenOp(call.OptionalInt("startDim", int.MinValue) ?? 1, call.OptionalInt("endDim", int.MinValue) ?? -1), self);
    }
}
