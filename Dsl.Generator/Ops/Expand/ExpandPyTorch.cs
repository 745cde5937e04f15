using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>expand</c> (a view: nothing is copied).</summary>
internal sealed class ExpandPyTorch : PyTorchEmitter<ExpandOp>
{
    protected override ForwardStep Forward(ExpandOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new(ExpandPlan.PyTorch(names.Local(node.Inputs[0]), ExpandTorchSharp.Plan(op, node, model), i => names.Local(node.Inputs[i])));
}
