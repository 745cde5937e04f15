using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Transpose(dim0, dim1)</c>; the axes are checked against the input's rank by the rule.</summary>
internal static class TransposeArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new TransposeOp(call.Int("dim0", int.MinValue), call.Int("dim1", int.MinValue)), self);
    }
}
