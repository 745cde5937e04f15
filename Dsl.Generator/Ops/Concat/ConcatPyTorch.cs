using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using System.Linq;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary><c>torch.cat</c> of the operands.</summary>
internal sealed class ConcatPyTorch : PyTorchEmitter<ConcatOp>
{
    protected override ForwardStep Forward(ConcatOp concat, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"torch.cat([{string.Join(", ", System.Linq.Enumerable.Range(0, node.Inputs.Count).Select(i => Operand(concat, node, model, i, names)))}], {Int(concat.Dim)})");

    /// <summary>Operand <paramref name="index"/>, expanded where a broadcasting concat needs it.</summary>
    private static string Operand(ConcatOp concat, NodeSpec node, AnalyzedModel model, int index, PyTorchNames names) =>
        ConcatRule.BroadcastPlan(concat, node, model, index) is { } plan
            ? ExpandPlan.PyTorch(names.Local(node.Inputs[index]), plan, i => names.Local(node.Inputs[i]))
            : names.Local(node.Inputs[index]);
}
