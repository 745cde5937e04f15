using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of MultiheadAttention: the parts of the op, found in this folder.</summary>
internal sealed class MultiheadAttentionDescriptor : OpDescriptor<MultiheadAttentionOp>
{
    public override string Name => "MultiheadAttention";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("MultiheadAttention", MultiheadAttentionArguments.Self),
        new SurfaceEntry("Ops", "MultiheadAttention", MultiheadAttentionArguments.Cross),
    };

    public override IShapeRule Shape { get; } = new MultiheadAttentionRule();

    public override string Parameters => "4 * E * E + 4 * E (input projection 3E x E + 3E, output projection E x E + E)";

    public override string MultiplyAccumulates => "(2T + 2S) x E x E + 2 x T x S x E (T, S known)";

    public override ITorchSharpEmitter TorchSharp { get; } = new MultiheadAttentionTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new MultiheadAttentionPyTorch();

    public override IOnnxEmitter Onnx { get; } = new MultiheadAttentionOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new MultiheadAttentionOp(4, 0, Causal: false),
        new MultiheadAttentionOp(8, 0.1, Causal: true),
        new MultiheadAttentionOp(2, 0, Causal: false, KeyPaddingMask: true, PaddingIdx: 0),
        new MultiheadAttentionOp(2, 0, Causal: true, KeyPaddingMask: true, AttnMask: true),
    };

    protected override FeatureLayout LayoutOf(MultiheadAttentionOp op) => FeatureLayout.FeaturesLast;

    /// <summary>Only an attention mask may be a batch of one (PyTorch's [T, S] mask); the rule refuses the other inputs as one.</summary>
    protected override bool BroadcastsBatchOf(MultiheadAttentionOp op) => op.AttnMask;

    public override OpDoc Doc { get; } = new(
        "x.MultiheadAttention(numHeads, keyValue: null, dropout: 0, causal: false, name: null, keyPaddingMask: null, paddingIdx: null, attnMask: null), Ops.MultiheadAttention(query, key, value, numHeads, dropout: 0, causal: false, name: null, keyPaddingMask: null, paddingIdx: null, attnMask: null)",
        "Batch first: query [B, T, E] with key and value [B, S, E] (self-attention: all x) to [B, T, E]; E inferred, known and divisible by numHeads; T and S may be symbolic; causal masks later keys. keyPaddingMask [B, S] (int64 or float32): keys where it is nonzero are padding, ignored by every query; with paddingIdx it holds the keys' int64 token ids, and ids equal to paddingIdx are padding. attnMask [B, T, S], [B, numHeads, T, S] or a batch of one [1, T, S] (PyTorch's [T, S]): int64 nonzero masks the pair (PyTorch's bool mask), float32 is added to the scores; the masks combine. The head-averaged weights: .AttentionWeights().",
        "`nn.MultiheadAttention(E, numHeads, dropout, batch_first=True)(q, k, v, attn_mask=causal mask, key_padding_mask=mask != 0)[0]` (`key_padding_mask=tokens == paddingIdx`; `attn_mask=` the mask as [B * numHeads, T, S])",
        "`layers.MultiHeadAttention(numHeads, E // numHeads)(q, v, key=k, use_causal_mask=causal)`");
}
