using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>Everything after the batch in one dimension.</summary>
internal sealed class FlattenTorchSharp : TorchSharpEmitter<FlattenOp>
{
    protected override ForwardStep Forward(FlattenOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{names.Local(node.Inputs[0])}.flatten(1)");
}
