using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes.Losses;

namespace Dsl.Generator.Losses;

/// <summary>Binary cross entropy of probabilities in [0, 1]: a prediction that is no probability (no sigmoid or softmax before it) is DSL0205.</summary>
internal sealed class BinaryCrossEntropyLoss : LossDescriptor
{
    public override string Name => "BinaryCrossEntropy";

    public override string RunTime => "BinaryCrossEntropy";

    public override LossFunctionRef Read(Call call) => LossArguments.WithNodeOrConstantTarget(call, this, min: 0, max: 1);

    public override LossAnalysis Check(LossCheck check)
    {
        if (!check.ComparesWithNode && check.ValueRange is (ValueRange.Unbounded, var source))
        {
            check.Report(Descriptors.NotProbabilities, check.Loss.Site, check.Loss.Name, check.PredictionName, source.Op.Kind + " '" + source.Name + "'");
        }

        return check.Elementwise();
    }

    public override string TorchSharp(TorchSharpLossCall call) => call.Plain;

    public override string PyTorch(PyTorchLossCall call) => call.Reduced("F.binary_cross_entropy", $"{call.Prediction}, {call.Target}");

    public override LossDoc Doc { get; } = new(
        "Loss.BinaryCrossEntropy(target: null)",
        "Probabilities in [0, 1] (a `Sigmoid` output); an unbounded prediction is DSL0205 (use BinaryCrossEntropyWithLogits).",
        "Probabilities of the prediction's shape in [0, 1] (checked at run time); or `target:` a node of that shape, or a constant in [0, 1] (`target: 1.0`, no target column).",
        "`F.binary_cross_entropy(p, y)`",
        "`BinaryCrossentropy()`");
}
