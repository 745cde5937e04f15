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
/// </summary>
internal sealed class MultiheadAttentionRule : ShapeRule<MultiheadAttentionOp>
{
    public override bool AcceptsInputCount(int count) => count >= 1 && count <= 3;

    protected override NodeAnalysis? Infer(MultiheadAttentionOp op, ShapeContext context)
    {
        foreach (var operand in context.Inputs)
        {
            if (operand.Rank != 3)
            {
                return context.WrongRank(
                    "batch-first sequences [B, T, E]",
                    operand.Rank == 2 ? "a [B, E] node is one vector per sample; make it a sequence of one with .Reshape(1, E)" : "make it [B, T, E] first (.Flatten() the positions of a feature map after moving its channels last with .Permute)",
                    operand);
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

        var key = context.Inputs.Count > 1 ? context.Inputs[1] : query;
        var value = context.Inputs.Count > 2 ? context.Inputs[2] : key;
        foreach (var (role, operand) in new[] { ("key", key), ("value", value) })
        {
            if (!operand.Dims[1].Equals(embed))
            {
                return context.Fail(Descriptors.IncompatibleShapes, "MultiheadAttention", query.ShapeText, operand.ShapeText, "the " + role + " needs the query's " + e + " features; project it first with .Linear(" + e + ")");
            }
        }

        if (!key.Dims[0].Equals(value.Dims[0]))
        {
            return context.Fail(Descriptors.IncompatibleShapes, "MultiheadAttention", key.ShapeText, value.ShapeText, "key and value need one length: each key has its value");
        }

        long parameters = SizeLimits.Add(SizeLimits.Multiply(4, SizeLimits.Multiply(e, e)), 4L * e);
        DimExpr t = query.Dims[0], s = key.Dims[0];
        // Projections of T queries, S keys and S values, the scores and their weighted sum (T x S x E each), the output projection.
        long? macs = t.IsKnown && s.IsKnown
            ? SizeLimits.Add(SizeLimits.Multiply((2L * t.Value) + (2L * s.Value), SizeLimits.Multiply(e, e)), SizeLimits.Multiply(2L * t.Value * s.Value, e))
            : null;
        return ShapeContext.Ok(query with { IsSpatial = false }, parameters, macs: macs);
    }
}
