using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>Base of the row-wise comparisons of two [B, F] nodes with equal F, giving one value per sample: [B, 1].</summary>
internal abstract class PairwiseRule<TOp> : ShapeRule<TOp>
    where TOp : Op
{
    public override bool AcceptsInputCount(int count) => count == 2;

    protected override NodeAnalysis? Infer(TOp op, ShapeContext context)
    {
        foreach (var operand in context.Inputs)
        {
            if (operand.Rank != 2)
            {
                return context.WrongRank("two 2-D inputs [B, F]", RankHints.ForFeatures(operand), operand);
            }
        }

        var left = context.Inputs[0];
        var right = context.Inputs[1];
        if (!left.Dims.Equals(right.Dims))
        {
            return context.Fail(
                Descriptors.IncompatibleShapes,
                op.Kind,
                left.ShapeText,
                right.ShapeText,
                "give both the same number of features, e.g. end both branches with the same .Linear(N)");
        }

        return ShapeContext.Ok(TensorType.Of(1));
    }
}
