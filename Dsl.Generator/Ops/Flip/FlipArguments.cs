using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Flip(dim)</c>.</summary>
internal static class FlipArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new FlipOp(call.Int("dim", 0)), self);
    }
}
