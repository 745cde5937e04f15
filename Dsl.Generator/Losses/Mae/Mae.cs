using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>Mean absolute error (L1) over all elements; Trainer reports regression metrics for it.</summary>
internal sealed class MaeLoss : LossDescriptor
{
    public override string Name => "Mae";

    public override string RunTime => "Mae";

    public override LossFunctionRef Read(Call call) => LossArguments.WithNodeOrConstantTarget(call, this);

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) => check.Elementwise();

    public override string TorchSharp(TorchSharpLossCall call) => call.Plain;

    public override string PyTorch(PyTorchLossCall call) => call.Reduced("F.l1_loss", $"{call.Prediction}, {call.Target}");

    public override LossDoc Doc { get; } = new(
        "Loss.Mae(target: null)",
        "Any float32 prediction.",
        "A float32 target of the prediction's shape; or `target:` a node of that shape (self-supervised, e.g. an autoencoder's input), or a constant (`target: 0.0`, no target column). Trainer reports MAE, RMSE and R².",
        "`F.l1_loss(prediction, y)`",
        "`MeanAbsoluteError()`");
}
