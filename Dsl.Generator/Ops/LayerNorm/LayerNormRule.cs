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

        var normalized = input.Dims.Skip(rank - op.Dims).ToList();
        var symbolic = normalized.FirstOrDefault(d => !d.IsKnown);
        if (symbolic is not null)
        {
            return context.NeedsConcreteSize(input, symbolic, "the normalized dimensions size the scale and shift, so they must be fixed; normalize over fewer (dims: 1 is the last)");
        }

        long size = normalized.Aggregate(1L, (product, d) => SizeLimits.Multiply(product, d.Value));
        return ShapeContext.Ok(input, trainable: op.Affine ? SizeLimits.Multiply(2, size) : 0);
    }
}
