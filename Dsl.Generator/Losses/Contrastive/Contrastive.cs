using Dsl.Generator.Diagnostics;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes.Losses;

namespace Dsl.Generator.Losses;

/// <summary>Contrastive loss of a distance against a "same" target: y d² + (1 - y) max(margin - d, 0)².</summary>
internal sealed class ContrastiveLoss : LossDescriptor
{
    public override string Name => "Contrastive";

    public override string RunTime => "Contrastive";

    public override LossFunctionRef Read(Call call) => LossArguments.WithTargetColumn(this, call.Positive("margin"));

    /// <summary>A distance, not a similarity (DSL0208), of one value per sample (DSL0209).</summary>
    public override LossAnalysis Check(LossCheck check)
    {
        if (check.PredictionIsSimilarity)
        {
            check.Report(Descriptors.ContrastiveOnSimilarity, check.Loss.Site, check.Loss.Name, check.PredictionName);
            return new LossAnalysis(null);
        }

        var dims = check.Prediction.Dims;
        if (!(dims.Count == 0 || (dims.Count == 1 && dims[0].IsKnown && dims[0].Value == 1)))
        {
            check.Report(Descriptors.NotADistance, check.Loss.Site, check.Loss.Name, check.PredictionName, check.Prediction.ShapeText);
            return new LossAnalysis(null);
        }

        return check.Elementwise();
    }

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}, {call.Target}, {Names.DoubleLiteral(call.Loss.Argument)}{call.Mask})";

    public override string PyTorch(PyTorchLossCall call) =>
        call.Mean($"{call.Target} * {call.Prediction}.square() + (1.0 - {call.Target}) * ({PyTorchCode.Float(call.Loss.Argument)} - {call.Prediction}).clamp_min(0).square()");

    public override LossDoc Doc { get; } = new(
        "Loss.Contrastive(margin: 1.0)",
        "A distance `[B, 1]` or `[B]` (`Ops.EuclideanDistance(a, b)`); a cosine similarity is DSL0208, another shape DSL0209.",
        "A \"same\" target of the prediction's shape in [0, 1] (1 = same pair), checked at run time.",
        "`(y * d**2 + (1 - y) * (margin - d).clamp_min(0)**2).mean()`",
        "`ContrastiveLoss(margin=)` (TensorFlow Addons)");
}
