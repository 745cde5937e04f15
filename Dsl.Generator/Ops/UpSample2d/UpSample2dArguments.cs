using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.UpSample2d(scaleFactor, mode)</c> (<c>UpSampleMode.Nearest</c> 0, <c>Bilinear</c> 1).</summary>
internal static class UpSample2dArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new UpSample2dOp(call.Int("scaleFactor", 1), Bilinear: (call.OptionalInt("mode", 0) ?? 0) == 1), self);
    }
}
