using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.BatchNorm1d</c> / <c>nn.BatchNorm2d</c> module (the DSL's momentum is PyTorch's).</summary>
internal sealed class BatchNormPyTorch : PyTorchEmitter<BatchNormOp>
{
    protected override string Module(BatchNormOp norm, NodeSpec node, AnalyzedModel model) =>
        $"nn.{norm.Kind}({Int(NodeLowering.KnownDim(model, node, 0))}, eps={Float(norm.Eps)}, momentum={Float(norm.Momentum)})";

    protected override ForwardStep Forward(BatchNormOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Layer(node.Id)}({names.Local(node.Inputs[0])})");
}
