using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>Axes start_dim to end_dim in one dimension (by default everything after the batch).</summary>
internal sealed class FlattenPyTorch : PyTorchEmitter<FlattenOp>
{
    protected override ForwardStep Forward(FlattenOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new(op.AfterBatch ? $"{names.Local(node.Inputs[0])}.flatten(1)" : $"{names.Local(node.Inputs[0])}.flatten({Int(op.StartDim)}, {Int(op.EndDim)})");
}
