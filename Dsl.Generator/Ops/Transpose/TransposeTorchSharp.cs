using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.transpose(dim0, dim1)</c> with the axes made non-negative.</summary>
internal sealed class TransposeTorchSharp : TorchSharpEmitter<TransposeOp>
{
    protected override ForwardStep Forward(TransposeOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        var input = model.TypeOf(node.Inputs[0]);
        return new($"{names.Local(node.Inputs[0])}.transpose({Lit(Dsl.Generator.Shapes.Axes.FromFront(op.Dim0, input.Rank))}, {Lit(Dsl.Generator.Shapes.Axes.FromFront(op.Dim1, input.Rank))})");
    }
}
