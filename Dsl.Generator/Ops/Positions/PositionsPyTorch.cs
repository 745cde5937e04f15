using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.arange</c> of the axis' size at run time, on x's device.</summary>
internal sealed class PositionsPyTorch : PyTorchEmitter<PositionsOp>
{
    protected override ForwardStep Forward(PositionsOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new($"torch.arange({x}.size({Int(op.Axis)}), device={x}.device).unsqueeze(0)");
    }
}
