using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>Axes startDim to endDim in one dimension (by default everything after the batch).</summary>
internal sealed class FlattenTorchSharp : TorchSharpEmitter<FlattenOp>
{
    protected override ForwardStep Forward(FlattenOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new(op.AfterBatch ? $"{names.Local(node.Inputs[0])}.flatten(1)" : $"{names.Local(node.Inputs[0])}.flatten({Names.IntLiteral(op.StartDim)}, {Names.IntLiteral(op.EndDim)})");
}
