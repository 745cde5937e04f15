using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Concat</c> of the operands along the axis (a broadcasting concat <c>Expand</c>s sizes of 1 first).</summary>
internal sealed class ConcatOnnx : OnnxEmitter<ConcatOp>
{
    protected override string Emit(ConcatOp concat, NodeSpec node, OnnxScope scope)
    {
        var operands = Enumerable.Range(0, node.Inputs.Count)
            .Select(i => ConcatRule.BroadcastPlan(concat, node, scope.Model, i) is { } plan
                ? ExpandPlan.Onnx(scope, scope.Input(i), plan, scope.Temp("expanded"), "operand" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : scope.Input(i))
            .ToArray();
        scope.Add("Concat", scope.Output, operands).Int("axis", concat.Dim);
        return scope.Output;
    }
}
