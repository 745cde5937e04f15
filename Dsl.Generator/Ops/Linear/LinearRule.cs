using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Linear(outFeatures, bias)</c> over the last dimension, as in PyTorch and Keras: [B, F] to [B, outFeatures],
/// and [B, ..., F] to [B, ..., outFeatures] (a sequence [B, T, F] is mapped step by step); F must be known.
/// Parameters: outFeatures * F (+ outFeatures bias).
/// <para>
/// The decision for feature maps: a channels-first map [B, C, H, W] (its type is tagged
/// <see cref="TensorType.IsSpatial"/> by images and the convolution / pooling rules) has its features in dim 1,
/// not last, so applying Linear to its last dim (the width) is almost always the mistake of a missing Flatten.
/// It stays DSL0002, with the Flatten fix, and names the Permute that moves the channels last for the rare case
/// of a per-position Linear. A [B, T, F] that no such rule produced (an input of rank 3, an Embedding, a
/// Reshape, a recurrent layer) is a sequence of feature vectors.
/// </para>
/// </summary>
internal sealed class LinearRule : ShapeRule<LinearOp>
{
    protected override NodeAnalysis? Infer(LinearOp op, ShapeContext context)
    {
        if (!context.CheckPositive("outFeatures", "outFeatures", op.OutFeatures))
        {
            return null;
        }

        var input = context.Input;
        if (input.Rank < 2)
        {
            return context.WrongRank(RankHints.Features, RankHints.ForFeatures(input));
        }

        if (input.Rank > 2 && input.IsSpatial)
        {
            string channelsLast = "0, " + string.Join(", ", Enumerable.Range(2, input.Rank - 2)) + ", 1";
            return context.WrongRank(
                RankHints.Features + " or features last [B, ..., F]",
                RankHints.ForFeatures(input) + ", or move the channels last with .Permute(" + channelsLast + ") to apply it at every position",
                fix: FixSpec.Of(FixKinds.InsertFlatten));
        }

        var features = input.Dims[input.Dims.Count - 1];
        if (!features.IsKnown)
        {
            return context.NeedsConcreteSize(
                input,
                features,
                "the weight matrix is sized by the in-features; give the input fixed sizes, or reduce over the symbolic dimension (e.g. GlobalAvgPool2d) before Linear");
        }

        if (op.IsTied && !CheckTie(op, features.Value, context))
        {
            return null;
        }

        // A tied weight is the Embedding's table, counted there: only the bias is this layer's own.
        long parameters = (op.IsTied ? 0 : (long)op.OutFeatures * features.Value) + (op.Bias ? op.OutFeatures : 0);
        var type = new TensorType(input.Dims.Take(input.Dims.Count - 1).Concat(new[] { DimExpr.Of(op.OutFeatures) }).ToEquatableArray());
        // One dot product over F per output element; unknown (null) when the positions include a symbolic dim.
        long? positions = SizeLimits.KnownElementsPerSample(new TensorType(input.Dims.Take(input.Dims.Count - 1).ToEquatableArray()));
        long? macs = positions is long p ? SizeLimits.Multiply(p, SizeLimits.Multiply(op.OutFeatures, features.Value)) : null;
        return ShapeContext.Ok(type, parameters, macs: macs);
    }

    /// <summary>
    /// The node a tied Linear names must be an Embedding of this model whose table [numEmbeddings, embeddingDim] is the
    /// weight's [outFeatures, inFeatures]; each mistake is reported at <c>tiedTo</c> or <c>outFeatures</c>.
    /// </summary>
    private static bool CheckTie(LinearOp op, long inFeatures, ShapeContext context)
    {
        var tied = context.Spec.Nodes[op.TiedTo];
        if (tied.Op is not EmbeddingOp table)
        {
            string what = tied.Op.IsLayer ? tied.Op.Kind + " '" + tied.Name + "'" : "'" + tied.Name + "', the result of " + tied.Op.Kind;
            context.InvalidArgument(
                "tiedTo",
                "tiedTo must be the node an Embedding of this model returns (its [numEmbeddings, embeddingDim] table becomes the weight), but is " + what +
                "; keep the Embedding's node (var wte = tokens.Embedding(...)) and tie to it, or drop tiedTo for a Linear with its own weight");
            return false;
        }

        string shape = "[" + ShapeContext.Text(table.NumEmbeddings) + ", " + ShapeContext.Text(table.EmbeddingDim) + "]";
        if (inFeatures != table.EmbeddingDim)
        {
            context.InvalidArgument(
                "tiedTo",
                "the tied table '" + tied.Name + "' is " + shape + ", so the input's last axis must have embeddingDim = " + ShapeContext.Text(table.EmbeddingDim) +
                " features, but it has " + ShapeContext.Text(inFeatures) + "; project the input to " + ShapeContext.Text(table.EmbeddingDim) + " features first (.Linear(" + ShapeContext.Text(table.EmbeddingDim) + ")), or tie to an Embedding of that width");
            return false;
        }

        if (op.OutFeatures != table.NumEmbeddings)
        {
            context.InvalidArgument(
                "outFeatures",
                "the tied table '" + tied.Name + "' is " + shape + ", so outFeatures must be its numEmbeddings, " + ShapeContext.Text(table.NumEmbeddings) +
                ", but is " + ShapeContext.Text(op.OutFeatures) + "; write .Linear(" + ShapeContext.Text(table.NumEmbeddings) + ", tiedTo: ...)");
            return false;
        }

        return true;
    }
}
