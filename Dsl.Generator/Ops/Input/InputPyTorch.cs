using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>A graph input: the parameter of <c>forward</c> of the same name (no statement of its own).</summary>
internal sealed class InputPyTorch : PyTorchEmitter<InputOp>
{
    protected override ForwardStep Forward(InputOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new(names.Local(node.Id));
}
