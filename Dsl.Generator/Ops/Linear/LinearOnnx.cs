using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Gemm</c> (x W^T + b) on [B, F], the only rank the shape rule admits.</summary>
internal sealed class LinearOnnx : OnnxEmitter<LinearOp>
{
    protected override string Emit(LinearOp linear, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        if (input.Rank != 2)
        {
            throw new OnnxUnsupportedException($"Linear '{node.Name}' on {input.ShapeText}: the ONNX emitter writes Gemm, which needs [B, F].");
        }

        string weight = scope.Weight("weight", linear.OutFeatures, input.Dims[0].Value);
        var inputs = linear.Bias ? new[] { scope.Input(0), weight, scope.Weight("bias", linear.OutFeatures) } : new[] { scope.Input(0), weight };
        scope.Add("Gemm", scope.Output, inputs).Int("transB", 1);
        return scope.Output;
    }
}
