using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.select(dim, index)</c>, with the axis made non-negative.</summary>
internal sealed class SelectPyTorch : PyTorchEmitter<SelectOp>
{
    protected override ForwardStep Forward(SelectOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        int axis = op.Dim < 0 ? model.TypeOf(node.Inputs[0]).Rank + op.Dim : op.Dim;
        return new($"{names.Local(node.Inputs[0])}.select({Int(axis)}, {Int(op.Index)})");
    }
}
