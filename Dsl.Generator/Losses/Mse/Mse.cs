using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>Mean squared error over all elements; Trainer reports regression metrics for it.</summary>
internal sealed class MseLoss : LossDescriptor
{
    public override string Name => "Mse";

    public override string RunTime => "Mse";

    public override LossFunctionRef Read(Call call) => LossArguments.WithNodeOrConstantTarget(call, this);

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) => check.Elementwise();

    public override string TorchSharp(TorchSharpLossCall call) => call.Plain;

    public override string PyTorch(PyTorchLossCall call) => call.Reduced("F.mse_loss", $"{call.Prediction}, {call.Target}");

    public override LossDoc Doc { get; } = new(
        "Loss.Mse(target: null)",
        "Any float32 prediction.",
        "A float32 target of the prediction's shape; or `target:` a node of that shape (self-supervised, e.g. an autoencoder's input), or a constant (`target: 0.0`, no target column). Trainer reports MAE, RMSE and R².",
        "`F.mse_loss(prediction, y)`",
        "`MeanSquaredError()`");
}
