using System;
using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// Scaled dot-product attention composed from <c>MatMul</c> / <c>Softmax</c> / <c>Reshape</c> / <c>Transpose</c> with
/// the TorchSharp module's weights (<c>in_proj_weight</c> [3E, E] and <c>in_proj_bias</c> sliced into the query, key
/// and value projections; <c>out_proj.weight</c> / <c>out_proj.bias</c>): per head softmax(q k^T / sqrt(E / heads)) v,
/// a causal mask adding a large negative number above the diagonal. Dropout is off at inference.
/// </summary>
internal sealed class MultiheadAttentionOnnx : OnnxEmitter<MultiheadAttentionOp>
{
    protected override string Emit(MultiheadAttentionOp op, NodeSpec node, OnnxScope scope)
    {
        var queryType = scope.InputType(0);
        var embed = queryType.Dims[1];
        if (!embed.IsKnown)
        {
            throw new OnnxUnsupportedException($"MultiheadAttention '{node.Name}' on {queryType.ShapeText}: the ONNX export needs the embedding size.");
        }

        long e = embed.Value;
        long heads = op.NumHeads;
        long headDim = e / heads;
        string query = scope.Input(0);
        string key = node.Inputs.Count > 1 ? scope.Input(1) : query;
        string value = node.Inputs.Count > 2 ? scope.Input(2) : key;
        string inWeight = scope.Weight("in_proj_weight", 3 * e, e);
        string inBias = scope.Weight("in_proj_bias", 3 * e);
        string splitHeads = scope.Ints("heads_shape", 0, 0, heads, headDim);

        // [B, T, E] -> projection -> [B, T, H, d] -> [B, H, T, d] (the key: [B, H, d, S], ready for q k^T).
        string Project(string x, int part, string name, params long[] perm)
        {
            string weight = scope.Slice(scope.Temp(name + "_weight"), inWeight, 0, part * e, (part + 1) * e);
            string bias = scope.Slice(scope.Temp(name + "_bias"), inBias, 0, part * e, (part + 1) * e);
            string projected = scope.Temp(name);
            LinearOnnx.Affine(scope, x, weight, bias, projected);
            string split = scope.Temp(name + "_heads");
            scope.Add("Reshape", split, projected, splitHeads);
            string result = scope.Temp(name + "_t");
            scope.Add("Transpose", result, split).Ints("perm", perm);
            return result;
        }

        string q = Project(query, 0, "q", 0, 2, 1, 3);
        string k = Project(key, 1, "k", 0, 2, 3, 1);
        string v = Project(value, 2, "v", 0, 2, 1, 3);

        string scores = scope.Temp("scores");
        scope.Add("MatMul", scores, q, k);
        string scaled = scope.Temp("scaled");
        scope.Add("Mul", scaled, scores, scope.Scalar("scale", 1.0 / Math.Sqrt(headDim)));
        if (op.Causal)
        {
            var t = queryType.Dims[0];
            var s = scope.InputType(node.Inputs.Count > 1 ? 1 : 0).Dims[0];
            if (!t.IsKnown || !s.IsKnown)
            {
                throw new OnnxUnsupportedException($"causal MultiheadAttention '{node.Name}' over a symbolic length: the ONNX export writes the mask as a constant and needs both lengths.");
            }

            // -1e9 above the diagonal: exp underflows to exactly 0 in float, as PyTorch's -infinity does.
            var mask = Enumerable.Range(0, t.Value).SelectMany(i => Enumerable.Range(0, s.Value).Select(j => j > i ? -1e9 : 0.0)).ToArray();
            string masked = scope.Temp("masked");
            scope.Add("Add", masked, scaled, scope.Floats("mask", mask, t.Value, s.Value));
            scaled = masked;
        }

        string weights = scope.Temp("weights");
        scope.Add("Softmax", weights, scaled).Int("axis", -1);
        string attended = scope.Temp("attended");
        scope.Add("MatMul", attended, weights, v);
        string merged = scope.Temp("merged_t");
        scope.Add("Transpose", merged, attended).Ints("perm", 0, 2, 1, 3);
        string concatenated = scope.Temp("concatenated");
        scope.Add("Reshape", concatenated, merged, scope.Ints("merged_shape", 0, 0, e));
        LinearOnnx.Affine(scope, concatenated, scope.Weight("out_proj.weight", e, e), scope.Weight("out_proj.bias", e), scope.Output);
        return scope.Output;
    }
}
