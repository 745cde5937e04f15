using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Dropout(p)</c>: same type; the drop probability p is in [0, 1). <c>Dropout1d</c> needs [B, C, L], <c>Dropout2d</c> [B, C, H, W].</summary>
internal sealed class DropoutRule : ShapeRule<DropoutOp>
{
    protected override NodeAnalysis? Infer(DropoutOp op, ShapeContext context)
    {
        if (!(op.P >= 0 && op.P < 1))
        {
            return context.InvalidArgument("p", "the drop probability p must be in [0, 1) but is " + ShapeContext.Text(op.P));
        }

        var input = context.Input;
        if (op.SpatialRank > 0 && input.Rank != op.SpatialRank + 2)
        {
            return context.WrongRank(RankHints.Spatial(op.SpatialRank), op.SpatialRank == 1 ? RankHints.ForSpatial(1, input) : RankHints.ForImage(input));
        }

        if (op.SpatialRank == 2 && AxisRoles.IsChannelsLastMap(input))
        {
            return AxisRoles.ChannelsLastMap(context, input, "drop whole rows instead of whole channels");
        }

        return ShapeContext.Ok(input);
    }
}
