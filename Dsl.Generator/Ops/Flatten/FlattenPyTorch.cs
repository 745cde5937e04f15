using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>Everything after the batch in one dimension.</summary>
internal sealed class FlattenPyTorch : PyTorchEmitter<FlattenOp>
{
    protected override ForwardStep Forward(FlattenOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.flatten(1)");
}
