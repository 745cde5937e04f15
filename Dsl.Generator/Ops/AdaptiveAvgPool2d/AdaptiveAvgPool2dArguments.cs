using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.AdaptiveAvgPool2d(outputHeight, outputWidth)</c>; the width defaults to the height.</summary>
internal static class AdaptiveAvgPool2dArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        int height = call.Int("outputHeight", 1);
        return new OpRead(new AdaptiveAvgPool2dOp(height, call.OptionalInt("outputWidth", 1) ?? height), self);
    }
}
