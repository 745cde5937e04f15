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
        return new($"{names.Local(node.Inputs[0])}.select({Lit(Axis(op, node, model))}, {Lit(op.Index)})");
    }

    /// <summary>The selected axis, made non-negative (the PyTorch emitter's too).</summary>
    internal static int Axis(SelectOp op, NodeSpec node, AnalyzedModel model) => op.Dim < 0 ? model.TypeOf(node.Inputs[0]).Rank + op.Dim : op.Dim;
}
