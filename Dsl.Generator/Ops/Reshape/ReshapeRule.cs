using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary>
/// <c>Reshape(dims...)</c> of everything after the batch: every target size positive, the input fully known,
/// and both sizes multiplying out to the same number of elements per sample.
/// </summary>
internal sealed class ReshapeRule : ShapeRule<ReshapeOp>
{
    protected override NodeAnalysis? Infer(ReshapeOp op, ShapeContext context)
    {
        var target = TensorType.Of(op.Dims.Items.ToArray());
        if (op.Dims.Count == 0)
        {
            return context.InvalidArgument(null, "give at least one size to reshape to");
        }

        foreach (int size in op.Dims)
        {
            if (size < 1)
            {
                return context.InvalidArgument(null, "every size must be at least 1 but " + target.ShapeText + " has " + ShapeContext.Text(size) + " (sizes are explicit; there is no -1)");
            }
        }

        var input = context.Input;
        var symbolic = input.Dims.FirstOrDefault(d => !d.IsKnown);
        if (symbolic is not null)
        {
            return context.NeedsConcreteSize(input, symbolic, "Reshape checks its sizes at compile time, so the input must have fixed sizes");
        }

        long targetProduct = op.Dims.Aggregate(1L, (p, d) => SizeLimits.Multiply(p, d));
        long inputProduct = input.Dims.Aggregate(1L, (p, d) => SizeLimits.Multiply(p, d.Value));
        if (targetProduct != inputProduct)
        {
            return context.Fail(
                Descriptors.ReshapeMismatch,
                target.ShapeText,
                ShapeContext.Text(targetProduct),
                input.ShapeText,
                ShapeContext.Text(inputProduct));
        }

        return ShapeContext.Ok(target);
    }
}
