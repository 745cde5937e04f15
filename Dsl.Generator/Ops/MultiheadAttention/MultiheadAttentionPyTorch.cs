using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// A batch-first <c>nn.MultiheadAttention</c> module (the same parameters and state-dict names as TorchSharp's
/// sequence-first one, whose emitter transposes); a causal mask is built for the actual lengths.
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
        string mask = op.Causal ? $"torch.full(({query}.shape[1], {key}.shape[1]), float(\"-inf\"), device={query}.device).triu(1)" : "None";
        string padding = !op.KeyPaddingMask ? ""
            : op.PaddingIdx is long id ? $", key_padding_mask={names.Local(node.Inputs[node.Inputs.Count - 1])} == {Int(id)}"
            : $", key_padding_mask={names.Local(node.Inputs[node.Inputs.Count - 1])} != 0";
        return new(
            $"{names.Layer(node.Id)}({query}, {key}, {value}, need_weights=False, attn_mask={mask}{padding})[0]",
            op.Causal ? MultiheadAttentionTorchSharp.CausalNote : null);
    }
}
