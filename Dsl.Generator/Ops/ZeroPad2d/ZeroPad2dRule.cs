using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>ZeroPad2d</c>: [B, C, H, W] to [B, C, H + top + bottom, W + left + right]; <c>Cropping2d</c>: to
/// [B, C, H - top - bottom, W - left - right], which must leave at least one row and column. Symbolic sizes stay affine.
/// </summary>
internal sealed class ZeroPad2dRule : ShapeRule<ZeroPad2dOp>
{
    protected override NodeAnalysis? Infer(ZeroPad2dOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank != 4)
        {
            return context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        int sign = op.Crop ? -1 : 1;
        long rows = (long)op.Top + op.Bottom;
        long columns = (long)op.Left + op.Right;
        if (rows > int.MaxValue / 2 || columns > int.MaxValue / 2)
        {
            return context.InvalidArgument(op.Crop ? "cropping" : "padding", "the amounts are too large");
        }

        var height = input.Dims[1].Add(sign * (int)rows);
        var width = input.Dims[2].Add(sign * (int)columns);
        var type = new TensorType(EquatableArray.Create(input.Dims[0], height, width));
        if ((height.IsKnown && height.Value < 1) || (width.IsKnown && width.Value < 1))
        {
            return context.InvalidArgument(
                "cropping",
                "cropping (top " + op.Top + ", bottom " + op.Bottom + ", left " + op.Left + ", right " + op.Right + ") of " + input.ShapeText + " leaves " + type.ShapeText + "; crop less than the height and width");
        }

        return ShapeContext.Ok(type, spatial: true);
    }
}
