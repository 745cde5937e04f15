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
/// a causal mask adding a large negative number above the diagonal (built from the scores' shape, so the lengths may be
/// symbolic), a key padding mask and an attention mask added as -1e9 where they mask (a float attention mask as it is).
/// Dropout is off at inference.
/// </summary>
internal sealed class MultiheadAttentionOnnx : OnnxEmitter<MultiheadAttentionOp>
{
    protected override string Emit(MultiheadAttentionOp op, NodeSpec node, OnnxScope scope) => EmitValues(op, node, scope)[0];

    // The node's values: the attended sequence, and, where AttentionWeights() reads it, the softmax weights averaged
    // over the heads ([B, T, S]) and each head's ([B, H, T, S]).
    protected override System.Collections.Generic.IReadOnlyList<string> EmitValues(MultiheadAttentionOp op, NodeSpec node, OnnxScope scope)
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
        int operands = op.Operands(node.Inputs.Count);
        string key = operands > 1 ? scope.Input(1) : query;
        string value = operands > 2 ? scope.Input(2) : key;
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
            string masked = scope.Temp("masked");
            scope.Add("Add", masked, scaled, CausalMask(scope, scaled));
            scaled = masked;
        }

        if (op.KeyPaddingMask)
        {
            string masked = scope.Temp("padding_masked");
            scope.Add("Add", masked, scaled, PaddingMask(scope, op, op.KeyPaddingMaskInput(node.Inputs.Count)));
            scaled = masked;
        }

        if (op.AttnMask)
        {
            string masked = scope.Temp("attn_masked");
            scope.Add("Add", masked, scaled, AttnMask(scope, op, node));
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
        if (!AttentionWeightsRead.Of(scope.Model.Spec, node.Id))
        {
            return new[] { scope.Output };
        }

        string averaged = scope.Temp("averaged_weights");
        scope.Add("ReduceMean", averaged, weights).Ints("axes", 1).Int("keepdims", 0);
        return new[] { scope.Output, averaged, weights };
    }

    /// <summary>The attention mask as an addend of the scores [B, H, T, S]: float32 as it is, int64 flags as -1e9 where nonzero (as the padding mask).</summary>
    private static string AttnMask(OnnxScope scope, MultiheadAttentionOp op, NodeSpec node) =>
        AttentionMaskPlan.Of(op, node, scope.Model.TypeOf)!.Render(
            scope.Input(op.AttnMaskInput(node.Inputs.Count)),
            flags =>
            {
                string kept = scope.Temp("attn_kept");
                scope.Add("Equal", kept, flags, scope.Ints("attn_zero", 0));
                string masked = scope.Temp("attn_flags");
                scope.Add("Not", masked, kept);
                string floats = scope.Temp("attn_float");
                scope.Add("Cast", floats, masked).Int("to", 1);
                string negative = scope.Temp("attn_negative");
                scope.Add("Mul", negative, floats, scope.Scalar("attn_large", -1e9));
                return negative;
            },
            mask =>
            {
                string shaped = scope.Temp("attn_mask");
                scope.Add("Unsqueeze", shaped, mask, scope.Ints("attn_axes", 1));
                return shaped;
            });

    /// <summary>
    /// [B, 1, 1, S]: -1e9 where key s is padding (the mask input nonzero, or equal to the padding id), else 0; added to
    /// the scores [B, H, T, S] of every head and query.
    /// </summary>
    private static string PaddingMask(OnnxScope scope, MultiheadAttentionOp op, int index)
    {
        var type = scope.InputType(index);
        string mask = scope.Input(index);
        string padding = scope.Temp("padding");
        if (op.PaddingIdx is long id)
        {
            scope.Add("Equal", padding, mask, scope.Ints("padding_id", id));
        }
        else
        {
            string zero = type.DType == DType.Int64 ? scope.Ints("mask_zero", 0) : scope.Scalar("mask_zero", 0);
            string kept = scope.Temp("kept");
            scope.Add("Equal", kept, mask, zero);
            scope.Add("Not", padding, kept);
        }

        string flags = scope.Temp("padding_float");
        scope.Add("Cast", flags, padding).Int("to", 1);
        string negative = scope.Temp("padding_negative");
        scope.Add("Mul", negative, flags, scope.Scalar("padding_large", -1e9));
        string shaped = scope.Temp("padding_mask");
        scope.Add("Unsqueeze", shaped, negative, scope.Ints("padding_axes", 1, 2));
        return shaped;
    }

    /// <summary>
    /// [Tq, Tk]: -1e9 where key s comes after query t (s > t), else 0, from the lengths of <paramref name="scores"/>
    /// ([B, H, Tq, Tk]) at run time: Range over each length, compared as a column against a row. exp(-1e9) underflows
    /// to exactly 0 in float, as PyTorch's -infinity does.
    /// </summary>
    private static string CausalMask(OnnxScope scope, string scores)
    {
        string shape = scope.Temp("scores_shape");
        scope.Add("Shape", shape, scores);
        string ScalarInt(string name, string vector)
        {
            string scalar = scope.Temp(name);
            scope.Add("Squeeze", scalar, vector);
            return scalar;
        }

        string zero = ScalarInt("zero", scope.Ints("zero_1d", 0));
        string one = ScalarInt("one", scope.Ints("one_1d", 1));
        string Positions(string name, long axis, long unsqueezeAt)
        {
            string length = scope.Temp(name + "_length_1d");
            scope.Add("Gather", length, shape, scope.Ints(name + "_axis", axis)).Int("axis", 0);
            string positions = scope.Temp(name + "_positions");
            scope.Add("Range", positions, zero, ScalarInt(name + "_length", length), one);
            string shaped = scope.Temp(name + "_shaped");
            scope.Add("Unsqueeze", shaped, positions, scope.Ints(name + "_unsqueeze", unsqueezeAt));
            return shaped;
        }

        string queries = Positions("query", 2, 1);
        string keys = Positions("key", 3, 0);
        string later = scope.Temp("later");
        scope.Add("Greater", later, keys, queries);
        string flags = scope.Temp("later_float");
        scope.Add("Cast", flags, later).Int("to", 1);
        string mask = scope.Temp("mask");
        scope.Add("Mul", mask, flags, scope.Scalar("negative", -1e9));
        return mask;
    }
}
