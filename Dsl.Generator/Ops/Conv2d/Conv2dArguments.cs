using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Conv2d(outChannels, kernelSize, stride, padding, bias, name, groups, dilation)</c>.</summary>
internal static class Conv2dArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new Conv2dOp(call.Int("outChannels", 1), call.Int("kernelSize", 1), call.Int("stride", 1), call.Padding("padding"), call.Bool("bias"), call.Int("groups", 1), call.Int("dilation", 1)), self);
    }
}
