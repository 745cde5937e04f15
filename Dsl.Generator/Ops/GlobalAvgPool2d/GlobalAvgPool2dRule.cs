using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>GlobalAvgPool2d()</c>: the mean over H and W, [B, C, H, W] to [B, C].</summary>
internal sealed class GlobalAvgPool2dRule : ShapeRule<GlobalAvgPool2dOp>
{
    protected override NodeAnalysis? Infer(GlobalAvgPool2dOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank != 4)
        {
            return context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        return ShapeContext.Ok(new TensorType(EquatableArray.Create(input.Dims[0])));
    }
}
