using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The Python operator on two tensors.</summary>
internal sealed class BinaryPyTorch : PyTorchEmitter<BinaryOp>
{
    protected override ForwardStep Forward(BinaryOp binary, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])} {binary.Symbol} {names.Local(node.Inputs[1])}");
}
