using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>sqrt(max(sum((a - b)^2), 1e-12)) per row, kept as [B, 1], as the TorchSharp module computes it.</summary>
internal sealed class EuclideanDistanceOnnx : OnnxEmitter<EuclideanDistanceOp>
{
    protected override string Emit(EuclideanDistanceOp op, NodeSpec node, OnnxScope scope)
    {
        string difference = scope.Temp("difference");
        scope.Add("Sub", difference, scope.Input(0), scope.Input(1));
        string squared = scope.Temp("squared");
        scope.Add("Mul", squared, difference, difference);
        string sum = scope.Temp("sum");
        scope.Add("ReduceSum", sum, squared, scope.Ints("axes", 1)).Int("keepdims", 1);
        string clamped = scope.Temp("clamped");
        scope.Add("Max", clamped, sum, scope.Scalar("min", 1e-12));
        scope.Add("Sqrt", scope.Output, clamped);
        return scope.Output;
    }
}
