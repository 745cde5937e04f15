using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.stack</c> of the operands.</summary>
internal sealed class StackPyTorch : PyTorchEmitter<StackOp>
{
    protected override ForwardStep Forward(StackOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"torch.stack([{string.Join(", ", node.Inputs.Select(i => names.Local(i)))}], {Int(op.Dim)})");
}
