using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>flip</c> along one dimension.</summary>
internal sealed class FlipPyTorch : PyTorchEmitter<FlipOp>
{
    protected override ForwardStep Forward(FlipOp flip, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Local(node.Inputs[0])}.flip({Int(flip.Dim)})");
}
