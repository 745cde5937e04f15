using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.MultiheadAttention(numHeads, keyValue, dropout, causal, name)</c> (self-attention, or cross-attention to
/// <c>keyValue</c>) and <c>Ops.MultiheadAttention(query, key, value, numHeads, dropout, causal, name)</c>.
/// </summary>
internal static class MultiheadAttentionArguments
{
    public static OpRead Self(Call call)
    {
        var query = call.Receiver();
        var op = Op(call);
        return call.Value("keyValue") is null ? new OpRead(op, query) : new OpRead(op, query, call.Node("keyValue"));
    }

    public static OpRead Cross(Call call) => new(Op(call), call.Node("query"), call.Node("key"), call.Node("value"));

    private static MultiheadAttentionOp Op(Call call) =>
        new(call.Int("numHeads", 1), call.Fraction("dropout"), call.Bool("causal", defaultValue: false));
}
