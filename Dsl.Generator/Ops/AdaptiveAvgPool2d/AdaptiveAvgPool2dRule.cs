using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>AdaptiveAvgPool2d(h, w)</c>: [B, C, H, W] to [B, C, h, w] for any H and W, symbolic ones included (PyTorch's adaptive windows).</summary>
internal sealed class AdaptiveAvgPool2dRule : ShapeRule<AdaptiveAvgPool2dOp>
{
    protected override NodeAnalysis? Infer(AdaptiveAvgPool2dOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank != 4)
        {
            return context.WrongRank(RankHints.Image, RankHints.ForImage(input));
        }

        return ShapeContext.Ok(new TensorType(EquatableArray.Create(input.Dims[0], DimExpr.Of(op.OutputHeight), DimExpr.Of(op.OutputWidth))), spatial: true);
    }
}
