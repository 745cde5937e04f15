using Dsl.Generator.Emit;
using Dsl.Generator.Model;

namespace Dsl.Generator.Losses;

/// <summary>Cross entropy of logits against probabilities of their shape (one-hot or soft labels), read by <c>Loss.CrossEntropy(soft: true)</c>.</summary>
internal sealed class SoftCrossEntropyLoss : LossDescriptor
{
    public override string Name => "CrossEntropy(soft)";

    /// <summary>Read by <see cref="CrossEntropyLoss"/>'s reader.</summary>
    public override string? Method => null;

    public override string RunTime => "SoftCrossEntropy";

    public override bool HasClassAxis => true;

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) =>
        check.ClassTarget(soft: true, "CrossEntropy", "a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()", logits: true);

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}, {call.Target}{call.Mask}{call.Option("labelSmoothing", 0)}{call.ClassArguments})";

    /// <summary>Label smoothing mixes the uniform distribution into the target: (1 - e) t + e / C.</summary>
    public override string PyTorch(PyTorchLossCall call)
    {
        double smoothing = call.Loss.Argument;
        string target = smoothing == 0
            ? call.Target
            : $"({call.Target} * {PyTorchCode.Float(1 - smoothing)} + {PyTorchCode.Float(smoothing)} / {call.Read}.shape[{call.ClassAxis}])";
        return call.Mean($"-({target} * F.log_softmax({call.Read}, {call.ClassAxis})).sum({call.ClassAxis})");
    }

    public override LossDoc Doc { get; } = new(
        "Loss.CrossEntropy(soft: true, labelSmoothing: 0, classDim: null, target: null)",
        "Logits, as for CrossEntropy (class axis stated or read from the layout).",
        "Probabilities (float32) of the prediction's shape, in [0, 1] (checked at run time); `ignoreIndex:` does not apply (weight positions with `.MaskedBy(mask, perPosition: true)`).",
        "`-(y * F.log_softmax(logits, 1)).sum(1).mean()` (`F.cross_entropy` with probability targets)",
        "`CategoricalCrossentropy(from_logits=True)`");
}
