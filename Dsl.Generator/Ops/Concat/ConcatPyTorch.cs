using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.cat</c> of the operands.</summary>
internal sealed class ConcatPyTorch : PyTorchEmitter<ConcatOp>
{
    protected override ForwardStep Forward(ConcatOp concat, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"torch.cat([{string.Join(", ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i)))}], {Int(concat.Dim)})");
}
