using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Gemm</c> (x W^T + b) on [B, F]; on more axes ([B, T, F]: Linear maps the last one) <c>MatMul</c> by the
/// transposed weight, then <c>Add</c> of the bias, which broadcast over the leading axes.
/// </summary>
internal sealed class LinearOnnx : OnnxEmitter<LinearOp>
{
    protected override string Emit(LinearOp linear, NodeSpec node, OnnxScope scope)
    {
        var input = scope.InputType(0);
        var features = input.Dims[input.Dims.Count - 1];
        if (!features.IsKnown)
        {
            throw new OnnxUnsupportedException($"Linear '{node.Name}' on {input.ShapeText}: the ONNX export needs the size of the last axis.");
        }

        // A tied weight reads the Embedding's initializer ([numEmbeddings, embeddingDim] = [out, in]): one tensor in the file.
        string weight = linear.IsTied
            ? scope.WeightOf(linear.TiedTo, "weight", linear.OutFeatures, features.Value)
            : scope.Weight("weight", linear.OutFeatures, features.Value);
        if (input.Rank == 2)
        {
            var inputs = linear.Bias ? new[] { scope.Input(0), weight, scope.Weight("bias", linear.OutFeatures) } : new[] { scope.Input(0), weight };
            scope.Add("Gemm", scope.Output, inputs).Int("transB", 1);
            return scope.Output;
        }

        Affine(scope, scope.Input(0), weight, linear.Bias ? scope.Weight("bias", linear.OutFeatures) : null, scope.Output);
        return scope.Output;
    }

    /// <summary>x W^T (+ b) over the last axis of x of any rank, written to <paramref name="output"/>; also the attention's projections.</summary>
    public static void Affine(OnnxScope scope, string x, string weight, string? bias, string output)
    {
        string transposed = scope.Temp("weight_t");
        scope.Add("Transpose", transposed, weight).Ints("perm", 1, 0);
        if (bias is null)
        {
            scope.Add("MatMul", output, x, transposed);
            return;
        }

        string product = scope.Temp("matmul");
        scope.Add("MatMul", product, x, transposed);
        scope.Add("Add", output, product, bias);
    }
}
