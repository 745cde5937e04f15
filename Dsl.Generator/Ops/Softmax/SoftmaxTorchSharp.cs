using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.softmax</c> / <c>log_softmax</c>.</summary>
internal sealed class SoftmaxTorchSharp : TorchSharpEmitter<SoftmaxOp>
{
    protected override ForwardStep Forward(SoftmaxOp softmax, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{F}{(softmax.Log ? "log_softmax" : "softmax")}({names.Local(node.Inputs[0])}, {Lit(softmax.Dim)})");
}
