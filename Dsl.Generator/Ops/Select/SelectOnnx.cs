using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Gather</c> of one index along the axis (a negative index counts from the back), then <c>Squeeze</c> of that axis.</summary>
internal sealed class SelectOnnx : OnnxEmitter<SelectOp>
{
    protected override string Emit(SelectOp op, NodeSpec node, OnnxScope scope)
    {
        int axis = Axes.NonBatch(op.Dim, scope.InputType(0))!.Value;
        string gathered = scope.Temp("gathered");
        scope.Add("Gather", gathered, scope.Input(0), scope.Ints("index", op.Index)).Int("axis", axis);
        scope.Add("Squeeze", scope.Output, gathered, scope.Ints("axes", axis));
        return scope.Output;
    }
}
