using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>F.softmax</c> / <c>F.log_softmax</c>.</summary>
internal sealed class SoftmaxPyTorch : PyTorchEmitter<SoftmaxOp>
{
    protected override ForwardStep Forward(SoftmaxOp softmax, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"F.{(softmax.Log ? "log_softmax" : "softmax")}({names.Local(node.Inputs[0])}, {Int(softmax.Dim)})");
}
