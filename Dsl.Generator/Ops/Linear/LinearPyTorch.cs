using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.Linear</c> module over the last dimension.</summary>
internal sealed class LinearPyTorch : PyTorchEmitter<LinearOp>
{
    protected override string Module(LinearOp linear, NodeSpec node, AnalyzedModel model) =>
        $"nn.Linear({Int(NodeLowering.KnownDim(model, node, model.TypeOf(node.Inputs[0]).Dims.Count - 1))}, {Int(linear.OutFeatures)}, bias={Bool(linear.Bias)})";

    protected override ForwardStep Forward(LinearOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Layer(node.Id)}({names.Local(node.Inputs[0])})");

    protected override string? AfterModules(LinearOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) => op.IsTied
        ? $"{names.Layer(node.Id)}.weight = {names.Layer(op.TiedTo)}.weight  # tied, as GPT-2's lm_head"
        : null;
}
