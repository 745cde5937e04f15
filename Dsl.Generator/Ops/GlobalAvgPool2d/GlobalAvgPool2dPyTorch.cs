using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The mean over the last two dimensions.</summary>
internal sealed class GlobalAvgPool2dPyTorch : PyTorchEmitter<GlobalAvgPool2dOp>
{
    protected override ForwardStep Forward(GlobalAvgPool2dOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.mean((2, 3))");
}
