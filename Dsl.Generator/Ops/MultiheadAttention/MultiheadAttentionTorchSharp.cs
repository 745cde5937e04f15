using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// TorchSharp's <c>MultiheadAttention</c> (the parameters and state-dict names of PyTorch's) is sequence-first, so
/// forward transposes the batch-first nodes in and the result out; a causal mask is built for the actual lengths.
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
        string mask = op.Causal
            ? $"{Torch}full(new long[] {{ {query}.shape[1], {key}.shape[1] }}, float.NegativeInfinity, dtype: {Torch}ScalarType.Float32, device: {query}.device).triu(1)"
            : "null";
        // PyTorch's key_padding_mask: true where a key is padding.
        string padding = !op.KeyPaddingMask ? "null"
            : op.PaddingIdx is long id ? $"{names.Local(node.Inputs[node.Inputs.Count - 1])}.eq({Names.IntLiteral(id)}L)"
            : $"{names.Local(node.Inputs[node.Inputs.Count - 1])}.ne(0)";
        return new(
            $"this.{names.Field(node.Id)}.forward({query}.transpose(0, 1), {key}.transpose(0, 1), {value}.transpose(0, 1), {padding}, false, {mask}).Item1.transpose(0, 1)",
            op.Causal ? CausalNote : null);
    }

    /// <summary>The note on a causal attention's line (the PyTorch emitter's too).</summary>
    internal const string CausalNote = "causal: each position attends to itself and earlier ones";

    /// <summary>
    /// The nodes of the query, key and value: self-attention reads one node, the key is the value where two are given
    /// (a key padding mask, the last input, is none of them).
    /// </summary>
    internal static (int Query, int Key, int Value) Operands(MultiheadAttentionOp op, NodeSpec node)
    {
        int count = op.Operands(node.Inputs.Count);
        int query = node.Inputs[0];
        int key = count > 1 ? node.Inputs[1] : query;
        return (query, key, count > 2 ? node.Inputs[2] : key);
    }
}
