using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.dropout</c> (or <c>F.dropout1d</c> / <c>F.dropout2d</c>: whole channels) in training mode only.</summary>
internal sealed class DropoutPyTorch : PyTorchEmitter<DropoutOp>
{
    protected override ForwardStep Forward(DropoutOp dropout, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"F.{dropout.Kind.ToLowerInvariant()}({names.Local(node.Inputs[0])}, {Float(dropout.P)}, self.training)");
}
