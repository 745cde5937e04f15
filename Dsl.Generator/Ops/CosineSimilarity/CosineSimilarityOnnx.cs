using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// As libtorch computes <c>cosine_similarity(a, b, 1)</c>: each row divided by its norm clamped at eps = 1e-8, then the
/// sum of the products, kept as [B, 1].
/// </summary>
internal sealed class CosineSimilarityOnnx : OnnxEmitter<CosineSimilarityOp>
{
    protected override string Emit(CosineSimilarityOp op, NodeSpec node, OnnxScope scope)
    {
        string eps = scope.Scalar("eps", 1e-8);
        string a = Normalized(scope, scope.Input(0), "a", eps);
        string b = Normalized(scope, scope.Input(1), "b", eps);
        string product = scope.Temp("product");
        scope.Add("Mul", product, a, b);
        scope.Add("ReduceSum", scope.Output, product, scope.Ints("axes", 1)).Int("keepdims", 1);
        return scope.Output;
    }

    private static string Normalized(OnnxScope scope, string x, string name, string eps)
    {
        string norm = scope.Temp(name + "_norm");
        scope.Add("ReduceL2", norm, x).Ints("axes", 1).Int("keepdims", 1);
        string clamped = scope.Temp(name + "_norm_clamped");
        scope.Add("Max", clamped, norm, eps);
        string normalized = scope.Temp(name + "_normalized");
        scope.Add("Div", normalized, x, clamped);
        return normalized;
    }
}
