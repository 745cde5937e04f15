using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>KL divergence of a target distribution from predicted log-probabilities, summed over classes, averaged over the batch.</summary>
internal sealed class KlDivergenceLoss : LossDescriptor
{
    public override string Name => "KlDivergence";

    public override string RunTime => "KlDivergence";

    public override string? PerPositionMaskRefusal => "KlDivergence sums over each sample's classes, so its loss has one value per sample; drop perPosition: true";

    public override LossFunctionRef Read(Call call) => LossArguments.WithTargetColumn(this);

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) => check.Elementwise();

    public override string TorchSharp(TorchSharpLossCall call) => call.Plain;

    public override string PyTorch(PyTorchLossCall call) => call.Mean(call.PredictionType.Dims.Count > 0
        ? $"F.kl_div({call.Prediction}, {call.Target}, reduction=\"none\").flatten(1).sum(1)"
        : $"F.kl_div({call.Prediction}, {call.Target}, reduction=\"none\")");

    public override LossDoc Doc { get; } = new(
        "Loss.KlDivergence()",
        "Log-probabilities `[B, C]` (`x.LogSoftmax()`).",
        "Probabilities of the prediction's shape in [0, 1] (checked at run time); a mask is one weight per sample.",
        "`F.kl_div(log_p, q, reduction=\"batchmean\")`",
        "`KLDivergence()` (on probabilities)");
}
