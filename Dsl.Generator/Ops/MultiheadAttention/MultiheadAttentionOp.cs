using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.MultiheadAttention(numHeads, keyValue, dropout, causal)</c> and <c>Ops.MultiheadAttention(query, key, value, ...)</c>:
/// scaled dot-product attention with numHeads heads over batch-first sequences; its inputs are the query, then the
/// key and value (one node for self-attention, two when the key is the value, three), then, with
/// <see cref="KeyPaddingMask"/>, the [B, S] mask (nonzero: padding; with <see cref="PaddingIdx"/>, token ids equal to it),
/// then, with <see cref="AttnMask"/>, the attention mask ([B, T, S] or [B, heads, T, S], or a batch of one; int64
/// nonzero: masked, float32: added to the scores).
/// </summary>
internal sealed record MultiheadAttentionOp(int NumHeads, double Dropout, bool Causal, bool KeyPaddingMask = false, long? PaddingIdx = null, bool AttnMask = false) : Op
{
    /// <summary>How many of the node's inputs are the query, key and value (the masks, if any, come after them).</summary>
    public int Operands(int inputs) => inputs - (KeyPaddingMask ? 1 : 0) - (AttnMask ? 1 : 0);

    /// <summary>The index among the node's inputs of the key padding mask (with <see cref="KeyPaddingMask"/>).</summary>
    public int KeyPaddingMaskInput(int inputs) => Operands(inputs);

    /// <summary>The index among the node's inputs of the attention mask (with <see cref="AttnMask"/>): the last.</summary>
    public int AttnMaskInput(int inputs) => inputs - 1;

    public override string Kind => "MultiheadAttention";

    public override string NamePrefix => "attention";

    public override bool IsLayer => true;
}
