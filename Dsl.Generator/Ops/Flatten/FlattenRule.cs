using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Flatten()</c>: [B, d1, ..., dn] to [B, d1*...*dn] (rank 2 is the identity). A product with one symbolic
/// dim stays affine; two symbolic dims have no affine product and need concrete sizes.
/// </summary>
internal sealed class FlattenRule : ShapeRule<FlattenOp>
{
    /// <summary>Flatten only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(FlattenOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank < 2)
        {
            return context.WrongRank("an input of rank 2 or more [B, d1, ...]", "a [B] input has nothing to flatten; remove the Flatten");
        }

        DimExpr product = DimExpr.Of(1);
        foreach (var dim in input.Dims)
        {
            if (!product.IsKnown && !dim.IsKnown)
            {
                return context.NeedsConcreteSize(
                    input,
                    dim,
                    "the product of two symbolic sizes is not affine; give all but one of the flattened dims a fixed size");
            }

            var next = product.Multiply(dim);
            if (next is null)
            {
                return context.InvalidArgument(null, "flattening " + input.ShapeText + " gives a size beyond 2^31 - 1");
            }

            product = next;
        }

        return ShapeContext.Ok(new TensorType(EquatableArray.Create(product), input.DType));
    }
}
