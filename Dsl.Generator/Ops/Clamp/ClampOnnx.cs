using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Clip</c> with the lower bound (and the upper one); an upper bound alone is a <c>Min</c>.</summary>
internal sealed class ClampOnnx : OnnxEmitter<ClampOp>
{
    protected override string Emit(ClampOp op, NodeSpec node, OnnxScope scope)
    {
        string x = scope.Input(0);
        if (op.Min is double min)
        {
            var inputs = op.Max is double max ? new[] { x, scope.Scalar("min", min), scope.Scalar("max", max) } : new[] { x, scope.Scalar("min", min) };
            scope.Add("Clip", scope.Output, inputs);
        }
        else
        {
            scope.Add("Min", scope.Output, x, scope.Scalar("max", op.Max!.Value));
        }

        return scope.Output;
    }
}
