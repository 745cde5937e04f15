using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>Tensor.select(dim, index)</c>, with the axis made non-negative.</summary>
internal sealed class SelectTorchSharp : TorchSharpEmitter<SelectOp>
{
    protected override ForwardStep Forward(SelectOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        return new($"{names.Local(node.Inputs[0])}.select({Lit(Shapes.Axes.FromFront(op.Dim, model.TypeOf(node.Inputs[0]).Rank))}, {Lit(op.Index)})");
    }
}
