using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>Linear(outFeatures, bias)</c>: [B, F] to [B, outFeatures]; F must be known. Parameters: outFeatures * F (+ outFeatures bias).</summary>
internal sealed class LinearRule : ShapeRule<LinearOp>
{
    protected override NodeAnalysis? Infer(LinearOp op, ShapeContext context)
    {
        if (!context.CheckPositive("outFeatures", "outFeatures", op.OutFeatures))
        {
            return null;
        }

        var input = context.Input;
        if (input.Rank != 2)
        {
            // Flattening is the fix for a feature map (rank > 2); a rank-1 input has nothing to flatten.
            return context.WrongRank(RankHints.Features, RankHints.ForFeatures(input), fix: input.Rank > 2 ? FixSpec.Of(FixKinds.InsertFlatten) : null);
        }

        var features = input.Dims[0];
        if (!features.IsKnown)
        {
            return context.NeedsConcreteSize(
                input,
                features,
                "the weight matrix is sized by the in-features; give the input fixed sizes, or reduce over the symbolic dimension (e.g. GlobalAvgPool2d) before Linear");
        }

        long parameters = ((long)op.OutFeatures * features.Value) + (op.Bias ? op.OutFeatures : 0);
        return ShapeContext.Ok(TensorType.Of(op.OutFeatures), parameters, macs: SizeLimits.Multiply(op.OutFeatures, features.Value));
    }
}
