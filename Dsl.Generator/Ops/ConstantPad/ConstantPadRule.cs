using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>ZeroPad1d</c> / <c>ConstantPad1d</c>: [B, C, L] to [B, C, L + left + right]; <c>ConstantPad2d</c>: [B, C, H, W] to
/// [B, C, H + top + bottom, W + left + right]. Symbolic sizes stay affine. No parameters.
/// </summary>
internal sealed class ConstantPadRule : ShapeRule<ConstantPadOp>
{
    protected override NodeAnalysis? Infer(ConstantPadOp op, ShapeContext context)
    {
        var input = context.Input;
        int rank = op.SpatialRank;
        if (input.Rank != rank + 2)
        {
            return context.WrongRank(RankHints.Spatial(rank), RankHints.ForSpatial(rank, input));
        }

        var dims = input.Dims.ToArray();
        for (int axis = 0; axis < rank; axis++)
        {
            long added = (long)op.Before[axis] + op.After[axis];
            if (added > int.MaxValue / 2)
            {
                return context.InvalidArgument("padding", "the amounts are too large");
            }

            dims[1 + axis] = dims[1 + axis].Add((int)added);
        }

        return ShapeContext.Ok(new TensorType(dims.ToEquatableArray()), spatial: true);
    }
}
