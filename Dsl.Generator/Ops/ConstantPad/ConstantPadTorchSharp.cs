using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.pad</c> (last axis first, PyTorch's order) with the constant; no value argument for zeros.</summary>
internal sealed class ConstantPadTorchSharp : TorchSharpEmitter<ConstantPadOp>
{
    protected override ForwardStep Forward(ConstantPadOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new(Pad(names.Local(node.Inputs[0]), op.Plan, op.Value == 0 ? null : Names.DoubleLiteral(op.Value)));
}
