using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Transpose(dim0, dim1)</c>: swaps two non-batch axes (negative counts from the back): [B, T, F] with
/// (1, 2) gives [B, F, T]. Symbolic sizes move with their axes.
/// </summary>
internal sealed class TransposeRule : ShapeRule<TransposeOp>
{
    /// <summary>Transpose only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(TransposeOp op, ShapeContext context)
    {
        var input = context.Input;
        if (Axes.NonBatchOrFail(context, "dim0", op.Dim0, input) is not int a || Axes.NonBatchOrFail(context, "dim1", op.Dim1, input) is not int b)
        {
            return null;
        }

        var dims = input.Dims.Items.SetItem(a - 1, input.Dims[b - 1]).SetItem(b - 1, input.Dims[a - 1]);
        return ShapeContext.Ok(new TensorType(new EquatableArray<DimExpr>(dims), input.DType));
    }
}
