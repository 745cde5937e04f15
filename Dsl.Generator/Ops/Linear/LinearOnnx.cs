using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Gemm</c> (x W^T + b) on [B, F]; on more dimensions <c>MatMul</c> with the transposed weight, then the bias.</summary>
internal sealed class LinearOnnx : OnnxEmitter<LinearOp>
{
    protected override string Emit(LinearOp linear, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        string weight = scope.Weight("weight", linear.OutFeatures, input.Dims[input.Dims.Count - 1].Value);
        string? bias = linear.Bias ? scope.Weight("bias", linear.OutFeatures) : null;
        if (input.Rank == 2)
        {
            scope.Add("Gemm", scope.Output, bias is null ? new[] { scope.Input(0), weight } : new[] { scope.Input(0), weight, bias }).Int("transB", 1);
            return scope.Output;
        }

        string transposed = scope.Temp("weight_t");
        scope.Add("Transpose", transposed, weight).Ints("perm", 1, 0);
        if (bias is null)
        {
            scope.Add("MatMul", scope.Output, scope.Input(0), transposed);
            return scope.Output;
        }

        string product = scope.Temp("matmul");
        scope.Add("MatMul", product, scope.Input(0), transposed);
        scope.Add("Add", scope.Output, product, bias);
        return scope.Output;
    }
}
