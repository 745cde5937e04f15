using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Select(dim, index)</c> and <c>x.LastStep()</c> (the time step -1 of [B, T, F]).</summary>
internal static class SelectArguments
{
    public static OpRead Select(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new SelectOp(call.Int("dim", int.MinValue), call.Int("index", int.MinValue)), self);
    }

    public static OpRead LastStep(Call call) => new(new SelectOp(1, -1), call.Receiver());
}
