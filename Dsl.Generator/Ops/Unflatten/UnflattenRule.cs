using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Unflatten(dim, sizes)</c>: axis dim (after the batch) of a known size becomes the sizes, whose product must be
/// that size (a -1 among them is what is left); the other axes stay, symbolic or not. A symbolic axis may be split
/// into sizes of 1 and one -1 (axes of size 1 inserted around it).
/// </summary>
internal sealed class UnflattenRule : ShapeRule<UnflattenOp>
{
    /// <summary>Unflatten only moves elements: int64 indices stay int64.</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(UnflattenOp op, ShapeContext context)
    {
        var input = context.Input;
        long axis = AxisRange.Resolve(op.Dim, input.Rank);
        if (axis < 1 || axis >= input.Rank)
        {
            return context.InvalidArgument("dim", "dim " + ShapeContext.Text(op.Dim) + " is not an axis after the batch of " + input.ShapeText + "; use " + AxisRange.AfterBatch(input) + " (the batch, axis 0, is never split)");
        }

        var dim = input.Dims[(int)axis - 1];
        if (!dim.IsKnown && op.Sizes.All(s => s == 1 || s == -1) && op.Sizes.Contains(-1))
        {
            // Axes of size 1 around a symbolic length (PyTorch's mask[:, None, None, :]): the -1 is the length itself.
            var around = op.Sizes.Select(s => s == -1 ? dim : DimExpr.Of(1));
            return ShapeContext.Ok(new TensorType(input.Dims.Take((int)axis - 1).Concat(around).Concat(input.Dims.Skip((int)axis)).ToEquatableArray(), input.DType));
        }

        if (!dim.IsKnown)
        {
            return context.NeedsConcreteSize(input, dim, "the sizes it is split into are checked against it; split an axis of a fixed size");
        }

        long known = op.Sizes.Where(s => s != -1).Aggregate(1L, (a, s) => SizeLimits.Multiply(a, s));
        bool infer = op.Sizes.Contains(-1);
        string sizes = "(" + string.Join(", ", op.Sizes) + ")";
        if (infer ? dim.Value % known != 0 : known != dim.Value)
        {
            return context.InvalidArgument("sizes", "the sizes " + sizes + " " + (infer ? "do not divide" : "do not multiply out to") + " the size " + ShapeContext.Text(dim.Value) + " of axis " + ShapeContext.Text(axis) + " of " + input.ShapeText + "; their product must be " + ShapeContext.Text(dim.Value));
        }

        var resolved = op.Sizes.Select(s => DimExpr.Of(s == -1 ? (int)(dim.Value / known) : s));
        var dims = input.Dims.Take((int)axis - 1).Concat(resolved).Concat(input.Dims.Skip((int)axis));
        return ShapeContext.Ok(new TensorType(dims.ToEquatableArray(), input.DType));
    }
}
