using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads PyTorch's constant paddings in PyTorch's argument order: <c>ZeroPad1d(padding)</c> and
/// <c>ConstantPad1d(padding, value)</c> with an int or (left, right); <c>ConstantPad2d(padding, value)</c> with an int or
/// (left, right, top, bottom); no amount negative.
/// </summary>
internal static class ConstantPadArguments
{
    public static OpRead ZeroPad1d(Call call) => Pad1d(call, 0);

    public static OpRead ConstantPad1d(Call call) => Pad1d(call, call.Double("value"));

    public static OpRead ConstantPad2d(Call call)
    {
        var self = call.Receiver();
        var sides = call.IntsPerAxis("padding", 4, 0)!.Value;   // left, right, top, bottom
        double value = call.Double("value");
        return new OpRead(new ConstantPadOp(call.Method, EquatableArray.Create(sides[2], sides[0]), EquatableArray.Create(sides[3], sides[1]), value), self);
    }

    private static OpRead Pad1d(Call call, double value)
    {
        var self = call.Receiver();
        var sides = call.IntsPerAxis("padding", 2, 0)!.Value;   // left, right
        return new OpRead(new ConstantPadOp(call.Method, EquatableArray.Create(sides[0]), EquatableArray.Create(sides[1]), value), self);
    }
}
