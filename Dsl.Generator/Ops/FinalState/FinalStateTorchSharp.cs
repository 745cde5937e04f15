using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>The state the recurrent layer's step kept in its second local ([layers x directions, B, H]), with the batch moved first.</summary>
internal sealed class FinalStateTorchSharp : TorchSharpEmitter<FinalStateOp>
{
    protected override ForwardStep Forward(FinalStateOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{names.Auxiliary(node.Inputs[0], RecurrentStates.Suffix(op.Cell))}.transpose(0, 1)");
}
