using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>h_n</c> (or <c>c_n</c>) of the module's result, which the recurrent layer's step kept whole
/// (<c>(out, h_n)</c>, an LSTM's <c>(out, (h_n, c_n))</c>), with the batch moved first.
/// </summary>
internal sealed class FinalStatePyTorch : PyTorchEmitter<FinalStateOp>
{
    protected override ForwardStep Forward(FinalStateOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var recurrent = (RecurrentOp)model.Spec.Nodes[node.Inputs[0]].Op;
        string result = names.Auxiliary(node.Inputs[0], RecurrentStates.Suffix(cell: false));
        string state = recurrent.Cell == RecurrentKind.Lstm ? $"{result}[1][{(op.Cell ? 1 : 0)}]" : $"{result}[1]";
        return new ForwardStep($"{state}.transpose(0, 1)");
    }
}
