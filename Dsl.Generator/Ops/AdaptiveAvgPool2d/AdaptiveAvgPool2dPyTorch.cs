using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.adaptive_avg_pool2d</c> to the declared grid.</summary>
internal sealed class AdaptiveAvgPool2dPyTorch : PyTorchEmitter<AdaptiveAvgPool2dOp>
{
    protected override ForwardStep Forward(AdaptiveAvgPool2dOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"F.adaptive_avg_pool2d({names.Local(node.Inputs[0])}, ({Int(op.OutputHeight)}, {Int(op.OutputWidth)}))");
}
