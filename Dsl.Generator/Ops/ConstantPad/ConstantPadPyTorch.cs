using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.pad</c> with the constant (what <c>nn.ConstantPad1d</c> / <c>nn.ZeroPad1d</c> / <c>nn.ConstantPad2d</c> compute).</summary>
internal sealed class ConstantPadPyTorch : PyTorchEmitter<ConstantPadOp>
{
    protected override ForwardStep Forward(ConstantPadOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new(Pad(names.Local(node.Inputs[0]), op.Plan, op.Value == 0 ? null : Float(op.Value)));
}
