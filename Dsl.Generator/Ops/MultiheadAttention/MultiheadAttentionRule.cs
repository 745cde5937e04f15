using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// MultiheadAttention over batch-first sequences: a query [B, T, E] attends to keys and values [B, S, E] and gives
/// [B, T, E]. E (the embedding size, inferred from the query) must be known and divisible by numHeads; key and
/// value must have E features and one length S (T and S may be symbolic). Parameters, as PyTorch's
/// <c>nn.MultiheadAttention(E, numHeads)</c>: the packed input projection 3E x E + 3E, the output projection
/// E x E + E. causal masks every key after the query's position (the mask is built in forward for the actual T, S).
/// A key padding mask is [B, S] of the keys' length, int64 or float32 (token ids where a paddingIdx is given: int64).
/// An attention mask is [B, T, S] or per head [B, numHeads, T, S] (a head axis of 1 broadcasts), or a batch of one
/// ([1, T, S]: PyTorch's [T, S], the same for every sample), int64 flags or float32 additive values; only it may be a
/// batch of one when the query has the batch.
/// </summary>
internal sealed class MultiheadAttentionRule : ShapeRule<MultiheadAttentionOp>
{
    public override bool AcceptsInputCount(int count) => count >= 1 && count <= 5;

    // The key padding mask may be int64 (token ids or flags); the query, key and value are checked below.
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(MultiheadAttentionOp op, ShapeContext context)
    {
        int count = op.Operands(context.Inputs.Count);
        var operands = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Take(context.Inputs, count));
        foreach (var operand in operands)
        {
            if (operand.DType != DType.Float32)
            {
                return context.Fail(Descriptors.WrongDType, context.Label, "float32 values", operand.TypeText + " (indices)", "embed the indices first with .Embedding(numEmbeddings, embeddingDim); token ids that mark padding go to keyPaddingMask:");
            }
        }

        foreach (var operand in operands)
        {
            if (operand.Rank != 3)
            {
                return context.WrongRank(
                    "batch-first sequences [B, T, E]",
                    operand.Rank == 2 ? "a [B, E] node is one vector per sample; make it a sequence of one with .Reshape(1, E)" : "make it [B, T, E] first (.Flatten() the positions of a feature map after moving its channels last with .Permute)",
                    operand);
            }
        }

        foreach (var operand in operands)
        {
            if (AxisRoles.IsTimeLast(operand))
            {
                return AxisRoles.TimeLastSequence(context, operand, "MultiheadAttention");
            }
        }

        var query = context.Input;
        var embed = query.Dims[1];
        if (!embed.IsKnown)
        {
            return context.NeedsConcreteSize(query, embed, "the projections are sized by the embedding size; only the sequence length may be symbolic");
        }

        int e = embed.Value;
        if (e % op.NumHeads != 0)
        {
            return context.InvalidArgument("numHeads", "the embedding size " + e + " (the last size of " + query.ShapeText + ") is not divisible by numHeads " + op.NumHeads + "; each head gets embedDim / numHeads features, so use a divisor of " + e);
        }

        var key = count > 1 ? context.Inputs[1] : query;
        var value = count > 2 ? context.Inputs[2] : key;
        foreach (var (role, operand) in new[] { ("key", key), ("value", value) })
        {
            if (!operand.Dims[1].Equals(embed))
            {
                return context.Fail(Descriptors.IncompatibleShapes, "MultiheadAttention", query.ShapeText, operand.ShapeText, "the " + role + " needs the query's " + e + " features; project it first with .Linear(" + e + ")");
            }
        }

        if (!key.Dims[0].Equals(value.Dims[0]))
        {
            return context.Fail(
                Descriptors.AttentionLengths, context.Label, "the key has " + key.Dims[0] + " steps but the value " + value.Dims[0] + ", and each key needs its value",
                query.ShapeText, key.ShapeText, value.ShapeText, "give key and value the same sequence (both from the encoder's output, or slice one to the other's length)");
        }

        if (op.Causal && !key.Dims[0].Equals(query.Dims[0]))
        {
            return context.FailAt(
                "causal", Descriptors.AttentionLengths, context.Label, "causal: true hides the keys after each query's position, which needs queries and keys on one time axis, but there are " + query.Dims[0] + " queries and " + key.Dims[0] + " keys",
                query.ShapeText, key.ShapeText, value.ShapeText, "remove causal: true from cross-attention (a decoder's queries may read every encoder step); keep it on the decoder's self-attention");
        }

        if (op.AttnMask && CheckAttnMask(op, context, query, key) is { } refused)
        {
            return refused;
        }

        if (op.KeyPaddingMask)
        {
            var mask = context.Inputs[op.KeyPaddingMaskInput(context.Inputs.Count)];
            if (mask.Dims.Count != 1 || !mask.Dims[0].Equals(key.Dims[0]))
            {
                return context.InvalidArgument("keyPaddingMask", $"'keyPaddingMask' must be [B, {key.Dims[0]}], one flag (or token id) per key of {key.ShapeText}, but is {mask.ShapeText}");
            }

            if (op.PaddingIdx is not null && mask.DType != DType.Int64)
            {
                return context.InvalidArgument("paddingIdx", $"'paddingIdx' compares token ids, but 'keyPaddingMask' is {mask.TypeText}; pass the int64 token ids, or drop paddingIdx to read nonzero values as padding");
            }
        }

        long parameters = SizeLimits.Add(SizeLimits.Multiply(4, SizeLimits.Multiply(e, e)), 4L * e);
        DimExpr t = query.Dims[0], s = key.Dims[0];
        // Projections of T queries, S keys and S values, the scores and their weighted sum (T x S x E each), the output projection.
        long? macs = t.IsKnown && s.IsKnown
            ? SizeLimits.Add(SizeLimits.Multiply((2L * t.Value) + (2L * s.Value), SizeLimits.Multiply(e, e)), SizeLimits.Multiply(2L * t.Value * s.Value, e))
            : null;
        return ShapeContext.Ok(query with { IsSpatial = false }, parameters, macs: macs);
    }

    /// <summary>
    /// The attention mask's shape against the query's length T and the keys' length S, and the batches: the mask may be
    /// a batch of one (the descriptor lets the op mix batches for it), the query, key, value and key padding mask not.
    /// Returns the failure, or null when the mask fits.
    /// </summary>
    private static NodeAnalysis? CheckAttnMask(MultiheadAttentionOp op, ShapeContext context, TensorType query, TensorType key)
    {
        int maskIndex = op.AttnMaskInput(context.Inputs.Count);
        var mask = context.Inputs[maskIndex];
        DimExpr t = query.Dims[0], s = key.Dims[0];
        string expected = $"[B, {t}, {s}] (one row per query of {query.ShapeText}, one column per key of {key.ShapeText}), [B, {op.NumHeads}, {t}, {s}] per head, or a batch of one [1, {t}, {s}] for every sample";
        int n = mask.Dims.Count;
        bool fits = (n == 2 || (n == 3 && mask.Dims[0].IsKnown && (mask.Dims[0].Value == 1 || mask.Dims[0].Value == op.NumHeads)))
            && mask.Dims[n - 2].Equals(t) && mask.Dims[n - 1].Equals(s);
        if (!fits)
        {
            return context.InvalidArgument("attnMask", $"'attnMask' must be {expected}, but is {mask.ShapeText}");
        }

        bool batched = false, one = false;
        for (int i = 0; i < context.Inputs.Count; i++)
        {
            batched |= !context.Inputs[i].BatchOne;
            one |= i != maskIndex && context.Inputs[i].BatchOne;
        }

        return one && batched
            ? context.InvalidArgument(null, "only 'attnMask' may be a batch of one (a g.Parameter, a constant or positions) when the other inputs have the batch; give the query, key, value or key padding mask the batch first with .Expand(batchOf: x)")
            : null;
    }
}
