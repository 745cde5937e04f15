using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>Cross entropy of logits against class indices (int64) of the logits' shape without the class axis; <c>soft: true</c> reads as <see cref="SoftCrossEntropyLoss"/>.</summary>
internal sealed class CrossEntropyLoss : LossDescriptor
{
    public override string Name => "CrossEntropy";

    public override string RunTime => "CrossEntropy";

    public override bool HasClassAxis => true;

    public override bool IsClassification => true;

    public override bool PyTorchAccuracyHead => true;

    public override LossFunctionRef Read(Call call) =>
        LossArguments.ClassIndex(call, call.Bool("soft", defaultValue: false) ? LossCatalogue.SoftCrossEntropy : this, LossArguments.TargetNode(call), LossArguments.LabelSmoothing(call));

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) =>
        check.ClassTarget(soft: false, "CrossEntropy", "a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()", logits: true);

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}, {call.Target}{call.Mask}{call.Option("labelSmoothing", 0)}{call.ClassArguments})";

    public override string PyTorch(PyTorchLossCall call) =>
        call.Reduced("F.cross_entropy", $"{call.Prediction}, {call.Target}{call.Option("label_smoothing", 0)}");

    public override LossDoc Doc { get; } = new(
        "Loss.CrossEntropy(labelSmoothing: 0, classDim: null, ignoreIndex: null, target: null)",
        "Logits: `[B, C]`, channels first `[B, C, d...]` (a segmentation map) or features last `[B, T, C]` (a sequence); the class axis is `classDim:` or read from the layout, and a layout that does not tell is DSL0210. A softmax or sigmoid output is DSL0206 (log-softmax is applied here).",
        "Class indices (int64) of the prediction's shape without the class axis (`[B]`, `[B, H, W]`, `[B, T]`), each in 0 .. C - 1 or `ignoreIndex` (checked at run time); or `target:` an int64 node of that shape. Trainer counts accuracy and a confusion matrix.",
        "`F.cross_entropy(logits, y, label_smoothing=, ignore_index=)`",
        "`SparseCategoricalCrossentropy(from_logits=True)`");
}
