using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.MultiheadAttention(numHeads, keyValue, dropout, causal)</c> and <c>Ops.MultiheadAttention(query, key, value, ...)</c>:
/// scaled dot-product attention with numHeads heads over batch-first sequences; its inputs are the query, then the
/// key and value (one node for self-attention, two when the key is the value, three), then, with
/// <see cref="KeyPaddingMask"/>, the [B, S] mask (nonzero: padding; with <see cref="PaddingIdx"/>, token ids equal to it).
/// </summary>
internal sealed record MultiheadAttentionOp(int NumHeads, double Dropout, bool Causal, bool KeyPaddingMask = false, long? PaddingIdx = null) : Op
{
    /// <summary>How many of the node's inputs are the query, key and value (the mask, if any, comes after them).</summary>
    public int Operands(int inputs) => KeyPaddingMask ? inputs - 1 : inputs;

    public override string Kind => "MultiheadAttention";

    public override string NamePrefix => "attention";

    public override bool IsLayer => true;
}
