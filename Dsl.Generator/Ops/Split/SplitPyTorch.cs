using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>Each piece is a <c>narrow</c> (a view) at the position the rule's arithmetic gives.</summary>
internal sealed class SplitPyTorch : PyTorchEmitter<SplitOp>
{
    protected override ForwardStep Forward(SplitOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var input = model.TypeOf(node.Inputs[0]);
        int axis = Dsl.Generator.Shapes.Axes.NonBatch(op.Dim, input)!.Value;
        int size = input.Dims[axis - 1].Value;
        return new($"{names.Local(node.Inputs[0])}.narrow({Int(axis)}, {Int(SplitRule.Start(op, size)!.Value)}, {Int(SplitRule.Length(op, size))})");
    }
}
