using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// TorchSharp's <c>MultiheadAttention</c> (the parameters and state-dict names of PyTorch's) is sequence-first, so
/// forward transposes the batch-first nodes in and the result out; a causal mask is built for the actual lengths; with
/// an attention mask (made additive, [B or 1, heads or 1, T, S], plus the causal one) the attention is computed from
/// the module's parameters by <c>AttentionResult.Masked</c>, as libtorch's module refuses a mask per sample (and by
/// <c>AttentionResult.Attend</c> where each head's weights are read, as it only averages them); where
/// <c>AttentionWeights()</c> reads the layer, the head-averaged weights go to a second local.
/// </summary>
internal sealed class MultiheadAttentionTorchSharp : TorchSharpEmitter<MultiheadAttentionOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules.MultiheadAttention";

    protected override string Construction(MultiheadAttentionOp op, NodeSpec node, AnalyzedModel model) =>
        $"{Nn}MultiheadAttention({Lit(KnownDim(model, node, 1))}, {Lit(op.NumHeads)}, {Names.DoubleLiteral(op.Dropout)})";

    protected override ForwardStep Forward(MultiheadAttentionOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        var (q, k, v) = Operands(op, node);
        string query = names.Local(q), key = names.Local(k), value = names.Local(v);
        // An additive mask, -infinity above the diagonal: query t may not attend to key s > t.
        string? causal = op.Causal
            ? $"{Torch}full(new long[] {{ {query}.shape[1], {key}.shape[1] }}, float.NegativeInfinity, dtype: {Torch}ScalarType.Float32, device: {query}.device).triu(1)"
            : null;
        // int64 flags (nonzero: masked) become -infinity / 0, a mask per sample gets a head axis.
        string? attn = AttentionMaskPlan.Of(op, node, model.TypeOf)?.Render(
            names.Local(node.Inputs[op.AttnMaskInput(node.Inputs.Count)]),
            m => $"{Torch}zeros_like({m}, dtype: {Torch}ScalarType.Float32).masked_fill({m}.ne(0), float.NegativeInfinity)",
            m => $"{m}.unsqueeze(1)");

        string mask = causal is not null && attn is not null ? $"{causal} + {attn}" : causal ?? attn ?? "null";
        // PyTorch's key_padding_mask: true where a key is padding.
        string? paddingLocal = op.KeyPaddingMask ? names.Local(node.Inputs[op.KeyPaddingMaskInput(node.Inputs.Count)]) : null;
        string padding = paddingLocal is null ? "null"
            : op.PaddingIdx is long id ? $"{paddingLocal}.eq({Names.IntLiteral(id)}L)"
            : $"{paddingLocal}.ne(0)";
        bool weights = AttentionWeightsRead.Of(model.Spec, node.Id);
        bool perHead = AttentionWeightsRead.PerHead(model.Spec, node.Id);
        if (attn is not null || perHead)
        {
            // libtorch's module refuses a mask per sample and averages its weights over the heads: the same attention
            // from its parameters, batch first.
            string weightsOut = $"out {(weights ? "var " + names.Auxiliary(node.Id, AttentionWeightsRead.Suffix) : "_")}";
            string arguments = $"this.{names.Field(node.Id)}, {query}, {key}, {value}, {padding}, {mask}, {Lit(op.NumHeads)}, {Names.DoubleLiteral(op.Dropout)}, this.training";
            string computed = perHead
                ? $"global::Dsl.Modules.AttentionResult.Attend({arguments}, averageWeights: false, {weightsOut})"
                : $"global::Dsl.Modules.AttentionResult.Masked({arguments}, {weightsOut})";
            return new(computed, op.Causal ? CausalNote : null);
        }

        string call = $"this.{names.Field(node.Id)}.forward({query}.transpose(0, 1), {key}.transpose(0, 1), {value}.transpose(0, 1), {padding}, {Names.BoolLiteral(weights)}, {mask})";
        string result = weights
            ? $"global::Dsl.Modules.AttentionResult.Output({call}, out var {names.Auxiliary(node.Id, AttentionWeightsRead.Suffix)}).transpose(0, 1)"
            : $"{call}.Item1.transpose(0, 1)";
        return new(result, op.Causal ? CausalNote : null);
    }

    /// <summary>The note on a causal attention's line (the PyTorch emitter's too).</summary>
    internal const string CausalNote = "causal: each position attends to itself and earlier ones";

    /// <summary>
    /// The nodes of the query, key and value: self-attention reads one node, the key is the value where two are given
    /// (the masks, the last inputs, are none of them).
    /// </summary>
    internal static (int Query, int Key, int Value) Operands(MultiheadAttentionOp op, NodeSpec node)
    {
        int count = op.Operands(node.Inputs.Count);
        int query = node.Inputs[0];
        int key = count > 1 ? node.Inputs[1] : query;
        return (query, key, count > 2 ? node.Inputs[2] : key);
    }
}
