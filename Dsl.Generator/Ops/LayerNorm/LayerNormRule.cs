using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>LayerNorm(dims)</c>: same type; the last <c>dims</c> dimensions of a sample are normalized together, so the
/// input needs at least that many and they must be known. Parameters: 2 * their product (scale and shift) when affine.
/// </summary>
internal sealed class LayerNormRule : ShapeRule<LayerNormOp>
{
    protected override NodeAnalysis? Infer(LayerNormOp op, ShapeContext context)
    {
        var input = context.Input;
        int rank = input.Dims.Count;
        if (op.Dims > rank)
        {
            return context.FailAt(
                "dims",
                Diagnostics.Descriptors.InvalidArgument,
                context.Label,
                $"dims {ShapeContext.Text(op.Dims)} is more than the {ShapeContext.Text(rank)} dimension(s) of {input.ShapeText} after the batch; normalize over at most {ShapeContext.Text(rank)}");
        }

        if (op.Dims == 1 && rank > 1 && AxisRoles.IsChannelsFirst(input))
        {
            // nn.LayerNorm(C) on an NCHW map normalizes the last axis (W), not the channels; LayerNorm(2) over H and W is a
            // deliberate per-channel normalization and LayerNorm(3) PyTorch's whole-sample one.
            return context.WrongLayout(
                "features last [B, ..., F]",
                "LayerNorm() normalizes the last axis, here spatial or time, not the " + input.Dims[0] + " channels; move the channels last around it, .Permute(" + Permutation(rank, last: true) + ").LayerNorm().Permute(" + Permutation(rank, last: false) + ") (ConvNeXt), or normalize channels and positions together with .GroupNorm(1)");
        }

        var normalized = input.Dims.Skip(rank - op.Dims).ToList();
        var symbolic = normalized.FirstOrDefault(d => !d.IsKnown);
        if (symbolic is not null)
        {
            return context.NeedsConcreteSize(input, symbolic, "the normalized dimensions size the scale and shift, so they must be fixed; normalize over fewer (dims: 1 is the last)");
        }

        long size = normalized.Aggregate(1L, (product, d) => SizeLimits.Multiply(product, d.Value));
        return ShapeContext.Ok(input, trainable: op.Affine ? SizeLimits.Multiply(2, size) : 0);
    }

    /// <summary>"0, 2, 3, 1" (channels last) or "0, 3, 1, 2" (channels first again) for <paramref name="rank"/> dims after the batch.</summary>
    private static string Permutation(int rank, bool last)
    {
        var dims = last
            ? new[] { 0 }.Concat(Enumerable.Range(2, rank - 1)).Concat(new[] { 1 })
            : new[] { 0, rank }.Concat(Enumerable.Range(1, rank - 1));
        return string.Join(", ", dims);
    }
}
