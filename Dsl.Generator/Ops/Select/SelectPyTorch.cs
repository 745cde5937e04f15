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
        return new($"{names.Local(node.Inputs[0])}.select({Int(Shapes.Axes.FromFront(op.Dim, model.TypeOf(node.Inputs[0]).Rank))}, {Int(op.Index)})");
    }
}
