using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// A batch-first <c>nn.MultiheadAttention</c> module (the same parameters and state-dict names as TorchSharp's
/// sequence-first one, whose emitter transposes); a causal mask is built for the actual lengths, an attention mask is
/// made additive and [B x heads, T, S] as the TorchSharp emitter makes it; where <c>AttentionWeights()</c> reads the
/// layer, the module's whole result is kept in a second local (an assignment expression).
/// </summary>
internal sealed class MultiheadAttentionPyTorch : PyTorchEmitter<MultiheadAttentionOp>
{
    protected override string Module(MultiheadAttentionOp op, NodeSpec node, AnalyzedModel model) =>
        $"nn.MultiheadAttention({Int(NodeLowering.KnownDim(model, node, 1))}, {Int(op.NumHeads)}, dropout={Float(op.Dropout)}, batch_first=True)";

    protected override ForwardStep Forward(MultiheadAttentionOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var (q, k, v) = MultiheadAttentionTorchSharp.Operands(op, node);
        string query = names.Local(q), key = names.Local(k), value = names.Local(v);
        // An additive mask, -infinity above the diagonal: query t may not attend to key s > t.
        string? causal = op.Causal ? $"torch.full(({query}.shape[1], {key}.shape[1]), float(\"-inf\"), device={query}.device).triu(1)" : null;
        // As the TorchSharp emitter's, then [B x heads, T, S] as the module reads a mask per sample (batch-major, as it splits heads).
        string? attn = AttentionMaskPlan.Of(op, node, model.TypeOf)?.Render(
            names.Local(node.Inputs[op.AttnMaskInput(node.Inputs.Count)]),
            m => $"torch.zeros_like({m}, dtype=torch.float32).masked_fill({m} != 0, float(\"-inf\"))",
            m => $"{m}.unsqueeze(1)");
        attn = attn is null ? null : $"{attn}.expand({query}.shape[0], {Int(op.NumHeads)}, -1, -1).flatten(0, 1)";

        string mask = causal is not null && attn is not null ? $"{causal} + {attn}" : causal ?? attn ?? "None";
        string? paddingLocal = op.KeyPaddingMask ? names.Local(node.Inputs[op.KeyPaddingMaskInput(node.Inputs.Count)]) : null;
        string padding = paddingLocal is null ? ""
            : op.PaddingIdx is long id ? $", key_padding_mask={paddingLocal} == {Int(id)}"
            : $", key_padding_mask={paddingLocal} != 0";
        bool weights = AttentionWeightsRead.Of(model.Spec, node.Id);
        string heads = AttentionWeightsRead.PerHead(model.Spec, node.Id) ? ", average_attn_weights=False" : "";
        string call = $"{names.Layer(node.Id)}({query}, {key}, {value}, need_weights={Bool(weights)}{heads}, attn_mask={mask}{padding})";
        return new(
            weights ? $"({names.Auxiliary(node.Id, AttentionWeightsRead.Suffix)} := {call})[0]" : $"{call}[0]",
            op.Causal ? MultiheadAttentionTorchSharp.CausalNote : null);
    }
}
