using System.Collections.Generic;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>
/// Reads <c>x.MultiheadAttention(numHeads, keyValue, dropout, causal, name, init, keyPaddingMask, paddingIdx, attnMask)</c>
/// (self-attention, or cross-attention to <c>keyValue</c>) and
/// <c>Ops.MultiheadAttention(query, key, value, numHeads, dropout, causal, name, init, keyPaddingMask, paddingIdx, attnMask)</c>.
/// </summary>
internal static class MultiheadAttentionArguments
{
    public static OpRead Self(Call call)
    {
        var inputs = new List<NodeRef> { call.Receiver() };
        var op = Op(call);
        if (call.Value("keyValue") is not null)
        {
            inputs.Add(call.Node("keyValue"));
        }

        return WithMask(call, op, inputs);
    }

    public static OpRead Cross(Call call) => WithMask(call, Op(call), new List<NodeRef> { call.Node("query"), call.Node("key"), call.Node("value") });

    private static OpRead WithMask(Call call, MultiheadAttentionOp op, List<NodeRef> inputs)
    {
        if (op.KeyPaddingMask)
        {
            inputs.Add(call.Node("keyPaddingMask"));
        }

        if (op.AttnMask)
        {
            inputs.Add(call.Node("attnMask"));
        }

        return new OpRead(op, inputs);
    }

    private static MultiheadAttentionOp Op(Call call)
    {
        bool mask = call.Value("keyPaddingMask") is not null;
        long? paddingIdx = call.Value("paddingIdx") switch
        {
            null => null,
            long n => n,
            int n => n,
            _ => throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("paddingIdx"), call.Kind, "'paddingIdx' must be an integer known at compile time"),
        };
        if (paddingIdx is not null && !mask)
        {
            throw new InterpretationError(
                Descriptors.InvalidArgument,
                call.SyntaxOf("paddingIdx"),
                call.Kind,
                "'paddingIdx' names the padding id among the key sequence's token ids, which 'keyPaddingMask:' gives: pass the token ids there too (keyPaddingMask: tokens, paddingIdx: 0)");
        }

        return new(call.Int("numHeads", 1), call.Fraction("dropout"), call.Bool("causal", defaultValue: false), mask, paddingIdx, call.Value("attnMask") is not null);
    }
}
