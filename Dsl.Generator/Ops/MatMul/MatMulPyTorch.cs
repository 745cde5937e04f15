using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.matmul</c>.</summary>
internal sealed class MatMulPyTorch : PyTorchEmitter<MatMulOp>
{
    protected override ForwardStep Forward(MatMulOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"torch.matmul({names.Local(node.Inputs[0])}, {names.Local(node.Inputs[1])})");
}
