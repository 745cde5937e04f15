using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.dropout</c> in training mode only.</summary>
internal sealed class DropoutPyTorch : PyTorchEmitter<DropoutOp>
{
    protected override ForwardStep Forward(DropoutOp dropout, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"F.dropout({names.Local(node.Inputs[0])}, {Float(dropout.P)}, self.training)");
}
