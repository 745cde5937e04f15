using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>The C# operator on two tensors.</summary>
internal sealed class BinaryTorchSharp : TorchSharpEmitter<BinaryOp>
{
    protected override ForwardStep Forward(BinaryOp binary, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{names.Local(node.Inputs[0])} {binary.Symbol} {names.Local(node.Inputs[1])}");
}
