using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Reshape(dims...)</c> of everything after the batch: every target size positive except at most one -1, which
/// is inferred (as in PyTorch); the input fully known; both sizes multiplying out to the same number of elements
/// per sample.
/// </summary>
internal sealed class ReshapeRule : ShapeRule<ReshapeOp>
{
    /// <summary>Reshape only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(ReshapeOp op, ShapeContext context)
    {
        var target = TensorType.Of(op.Dims.Items.ToArray());
        if (op.Dims.Count == 0)
        {
            return context.InvalidArgument(null, "give at least one size to reshape to");
        }

        foreach (int size in op.Dims)
        {
            if (size < 1 && size != -1)
            {
                return context.InvalidArgument(null, "every size must be at least 1 (or -1 for the one size to infer) but " + target.ShapeText + " has " + ShapeContext.Text(size));
            }
        }

        if (op.Dims.Count(d => d == -1) > 1)
        {
            return context.InvalidArgument(null, target.ShapeText + " has more than one -1; only one size can be inferred");
        }

        var input = context.Input;
        var symbolic = input.Dims.FirstOrDefault(d => !d.IsKnown);
        if (symbolic is not null)
        {
            return context.NeedsConcreteSize(input, symbolic, "Reshape checks its sizes at compile time, so the input must have fixed sizes");
        }

        long inputProduct = input.Dims.Aggregate(1L, (p, d) => SizeLimits.Multiply(p, d.Value));
        if (op.Dims.Contains(-1))
        {
            long others = op.Dims.Where(d => d != -1).Aggregate(1L, (p, d) => SizeLimits.Multiply(p, d));
            if (inputProduct % others != 0 || inputProduct / others > int.MaxValue)
            {
                return context.InvalidArgument(null, "the sizes of " + target.ShapeText + " other than -1 multiply to " + ShapeContext.Text(others) + ", which does not divide the " + ShapeContext.Text(inputProduct) + " elements per sample of " + input.ShapeText + "; -1 cannot be inferred");
            }

            target = TensorType.Of(op.Dims.Select(d => d == -1 ? (int)(inputProduct / others) : d).ToArray());
        }

        long targetProduct = target.Dims.Aggregate(1L, (p, d) => SizeLimits.Multiply(p, d.Value));
        if (targetProduct != inputProduct)
        {
            return context.Fail(
                Descriptors.ReshapeMismatch,
                target.ShapeText,
                ShapeContext.Text(targetProduct),
                input.ShapeText,
                ShapeContext.Text(inputProduct));
        }

        return ShapeContext.Ok(target with { DType = input.DType });
    }
}
