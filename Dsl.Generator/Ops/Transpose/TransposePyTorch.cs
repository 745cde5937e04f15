using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.transpose(dim0, dim1)</c> with the axes made non-negative.</summary>
internal sealed class TransposePyTorch : PyTorchEmitter<TransposeOp>
{
    protected override ForwardStep Forward(TransposeOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var input = model.TypeOf(node.Inputs[0]);
        return new($"{names.Local(node.Inputs[0])}.transpose({Int(Dsl.Generator.Shapes.Axes.FromFront(op.Dim0, input.Rank))}, {Int(Dsl.Generator.Shapes.Axes.FromFront(op.Dim1, input.Rank))})");
    }
}
