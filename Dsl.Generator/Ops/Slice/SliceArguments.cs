using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Slice(dim, start, end)</c>; the range is checked against the axis by the rule.</summary>
internal static class SliceArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new SliceOp(call.Int("dim", int.MinValue), call.Int("start", int.MinValue), call.OptionalInt("end", int.MinValue)), self);
    }
}
