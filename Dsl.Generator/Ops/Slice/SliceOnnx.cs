using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Slice</c> on one axis; ONNX clamps and counts negative bounds from the back as Python does.</summary>
internal sealed class SliceOnnx : OnnxEmitter<SliceOp>
{
    protected override string Emit(SliceOp op, NodeSpec node, OnnxScope scope)
    {
        int axis = Axes.NonBatch(op.Dim, scope.InputType(0))!.Value;
        long end = op.End is int e ? e : long.MaxValue;
        return scope.Slice(scope.Output, scope.Input(0), axis, op.Start, end);
    }
}
