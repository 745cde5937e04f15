using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>expand</c> (a view: nothing is copied).</summary>
internal sealed class ExpandTorchSharp : TorchSharpEmitter<ExpandOp>
{
    protected override ForwardStep Forward(ExpandOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new(ExpandPlan.TorchSharp(names.Local(node.Inputs[0]), Plan(op, node, model), i => names.Local(node.Inputs[i])));

    internal static ExpandAxis[] Plan(ExpandOp op, NodeSpec node, AnalyzedModel model) =>
        ExpandPlan.ForExpand(op, model.TypeOf(node.Inputs[0]), op.BatchOf ? model.TypeOf(node.Inputs[1]) : null)
        ?? throw new System.InvalidOperationException($"'{node.Name}': the shape rule left Expand's sizes unchecked.");
}
