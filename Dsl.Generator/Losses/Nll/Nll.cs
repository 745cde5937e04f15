using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>Negative log-likelihood of log-probabilities (a LogSoftmax output) against class indices.</summary>
internal sealed class NllLoss : LossDescriptor
{
    public override string Name => "Nll";

    public override string RunTime => "Nll";

    public override bool HasClassAxis => true;

    public override bool IsClassification => true;

    public override LossFunctionRef Read(Call call) => LossArguments.ClassIndex(call, this, LossArguments.TargetNode(call), 0);

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) =>
        check.ClassTarget(soft: false, "Nll", "NLL needs log-probabilities [B, C] (x.LogSoftmax()); a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()", logits: false);

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}, {call.Target}{call.Mask}{call.ClassArguments})";

    public override string PyTorch(PyTorchLossCall call) => call.Reduced("F.nll_loss", $"{call.Prediction}, {call.Target}");

    public override LossDoc Doc { get; } = new(
        "Loss.Nll(classDim: null, ignoreIndex: null, target: null)",
        "Log-probabilities (`x.LogSoftmax()`), classes on their axis as for CrossEntropy.",
        "Class indices (int64) of the prediction's shape without the class axis, or `target:` an int64 node; `ignoreIndex:` as for CrossEntropy. Trainer counts accuracy.",
        "`F.nll_loss(log_probabilities, y, ignore_index=)`",
        "`SparseCategoricalCrossentropy()` on the probabilities (`exp` of the log-probabilities)");
}
