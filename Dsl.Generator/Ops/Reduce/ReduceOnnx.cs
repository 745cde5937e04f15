using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>ReduceMean</c> / <c>ReduceMax</c> (axes an attribute in opset 17) and <c>ReduceSum</c> (axes an input since opset 13).</summary>
internal sealed class ReduceOnnx : OnnxEmitter<ReduceOp>
{
    protected override string Emit(ReduceOp op, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        var axes = op.Dims.Select(d => (long)Axes.NonBatch(d, input)!.Value).ToArray();
        long keep = op.KeepDim ? 1 : 0;
        if (op.Reduction == ReduceKind.Sum)
        {
            scope.Add("ReduceSum", scope.Output, scope.Input(0), scope.Ints("axes", axes)).Int("keepdims", keep);
        }
        else
        {
            scope.Add(op.Reduction == ReduceKind.Mean ? "ReduceMean" : "ReduceMax", scope.Output, scope.Input(0)).Ints("axes", axes).Int("keepdims", keep);
        }

        return scope.Output;
    }
}
