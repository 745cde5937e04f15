using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>TorchSharp's <c>functional.normalize</c>, PyTorch's <c>F.normalize</c>.</summary>
internal sealed class NormalizeTorchSharp : TorchSharpEmitter<NormalizeOp>
{
    protected override ForwardStep Forward(NormalizeOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{Torch}nn.functional.normalize({names.Local(node.Inputs[0])}, {Names.DoubleLiteral(op.P)}, {Names.IntLiteral(op.Dim)}, {Names.DoubleLiteral(op.Eps)})");
}
