using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>Binary cross entropy of logits (numerically stable), with an optional weight of the positive term.</summary>
internal sealed class BinaryCrossEntropyWithLogitsLoss : LossDescriptor
{
    public override string Name => "BinaryCrossEntropyWithLogits";

    public override string RunTime => "BinaryCrossEntropyWithLogits";

    public override LossFunctionRef Read(Call call) => LossArguments.WithNodeOrConstantTarget(call, this, call.Positive("posWeight"), min: 0, max: 1);

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) => check.Elementwise();

    public override string TorchSharp(TorchSharpLossCall call) => $"{call.Function}({call.Prediction}, {call.Target}{call.Mask}{call.Option("posWeight", 1)})";

    public override string PyTorch(PyTorchLossCall call) =>
        call.Reduced("F.binary_cross_entropy_with_logits", $"{call.Prediction}, {call.Target}" +
            (call.Loss.Argument == 1 ? "" : $", pos_weight=torch.tensor({PyTorchCode.Float(call.Loss.Argument)})"));

    public override LossDoc Doc { get; } = new(
        "Loss.BinaryCrossEntropyWithLogits(posWeight: 1.0, target: null)",
        "Logits of any shape.",
        "Probabilities of the prediction's shape in [0, 1] (checked at run time); or a constant in [0, 1] (`target: 1.0`, a GAN's \"real\" label: no target column).",
        "`F.binary_cross_entropy_with_logits(logits, y, pos_weight=)`",
        "`BinaryCrossentropy(from_logits=True)`");
}
