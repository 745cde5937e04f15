using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.MultiheadAttention(numHeads, keyValue, dropout, causal)</c> and <c>Ops.MultiheadAttention(query, key, value, ...)</c>:
/// scaled dot-product attention with numHeads heads over batch-first sequences; its inputs are the query, then the
/// key and value (one node for self-attention, two when the key is the value, three).
/// </summary>
internal sealed record MultiheadAttentionOp(int NumHeads, double Dropout, bool Causal) : Op
{
    public override string Kind => "MultiheadAttention";

    public override string NamePrefix => "attention";

    public override bool IsLayer => true;
}
