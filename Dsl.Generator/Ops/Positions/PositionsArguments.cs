using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Positions(axis)</c>.</summary>
internal static class PositionsArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new PositionsOp(call.Int("axis", int.MinValue)), self);
    }
}
