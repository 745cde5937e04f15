using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.matmul</c>.</summary>
internal sealed class MatMulTorchSharp : TorchSharpEmitter<MatMulOp>
{
    protected override ForwardStep Forward(MatMulOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{Torch}matmul({names.Local(node.Inputs[0])}, {names.Local(node.Inputs[1])})");
}
