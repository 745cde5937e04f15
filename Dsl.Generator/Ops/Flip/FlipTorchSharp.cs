using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>flip</c> along one dimension.</summary>
internal sealed class FlipTorchSharp : TorchSharpEmitter<FlipOp>
{
    protected override ForwardStep Forward(FlipOp flip, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{names.Local(node.Inputs[0])}.flip({Lit(flip.Dim)})");
}
