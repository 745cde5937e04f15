using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.ZeroPad2d(padding)</c> and <c>x.Cropping2d(cropping)</c>: an int (every side) or (top, bottom, left,
/// right), as Keras' ZeroPadding2D / Cropping2D; none negative.
/// </summary>
internal static class ZeroPad2dArguments
{
    public static OpRead Pad(Call call) => Read(call, "padding", crop: false);

    public static OpRead Crop(Call call) => Read(call, "cropping", crop: true);

    private static OpRead Read(Call call, string parameter, bool crop)
    {
        var self = call.Receiver();
        var sides = call.IntsPerAxis(parameter, 4, 0, defaultValue: 0)!.Value;
        return new OpRead(new ZeroPad2dOp(sides[0], sides[1], sides[2], sides[3], crop), self);
    }
}
