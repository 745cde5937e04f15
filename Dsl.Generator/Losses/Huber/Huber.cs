using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>Huber loss (smooth L1): squared below delta, linear above; Trainer reports regression metrics for it.</summary>
internal sealed class HuberLoss : LossDescriptor
{
    public override string Name => "Huber";

    public override string RunTime => "Huber";

    public override LossFunctionRef Read(Call call) => LossArguments.WithNodeTarget(call, this, call.Positive("delta"));

    public override LossAnalysis Check(Shapes.Losses.LossCheck check) => check.Elementwise();

    public override string TorchSharp(TorchSharpLossCall call) =>
        $"{call.Function}({call.Prediction}, {call.Target}, {Names.DoubleLiteral(call.Loss.Argument)}{call.Mask})";

    public override string PyTorch(PyTorchLossCall call) =>
        call.Reduced("F.huber_loss", $"{call.Prediction}, {call.Target}, delta={PyTorchCode.Float(call.Loss.Argument)}");

    public override LossDoc Doc { get; } = new(
        "Loss.Huber(delta: 1.0, target: null)",
        "Any float32 prediction.",
        "A float32 target of the prediction's shape, or `target:` a node of that shape. Trainer reports MAE, RMSE and R².",
        "`F.huber_loss(prediction, y, delta=)` (`F.smooth_l1_loss` for delta 1)",
        "`Huber(delta=)`");
}
