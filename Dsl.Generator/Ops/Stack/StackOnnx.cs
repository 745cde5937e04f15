using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>Every input <c>Unsqueeze</c>d at the new axis, then <c>Concat</c> along it (a negative dim counts in the output's rank, as in both).</summary>
internal sealed class StackOnnx : OnnxEmitter<StackOp>
{
    protected override string Emit(StackOp op, NodeSpec node, OnnxScope scope)
    {
        string axes = scope.Ints("axes", op.Dim);
        var parts = new string[node.Inputs.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = scope.Temp("unsqueezed");
            scope.Add("Unsqueeze", parts[i], scope.Input(i), axes);
        }

        scope.Add("Concat", scope.Output, parts).Int("axis", op.Dim);
        return scope.Output;
    }
}
