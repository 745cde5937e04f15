using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Flatten</c> after the batch axis; axes startDim to endDim elsewhere in the shape: a Reshape whose size there is
/// the product of those axes, the others kept (<see cref="AxisRangeOnnx"/>).
/// </summary>
internal sealed class FlattenOnnx : OnnxEmitter<FlattenOp>
{
    protected override string Emit(FlattenOp op, NodeSpec node, OnnxScope scope)
    {
        int rank = scope.InputType(0).Rank;
        long start = AxisRange.Resolve(op.StartDim, rank);
        long end = AxisRange.Resolve(op.EndDim, rank);
        if (start == 1 && end == rank - 1)
        {
            scope.Add("Flatten", scope.Output, scope.Input(0)).Int("axis", 1);
            return scope.Output;
        }

        return AxisRangeOnnx.Reshape(scope, rank, start, end, AxisRangeOnnx.Product(scope, start, end));
    }
}
