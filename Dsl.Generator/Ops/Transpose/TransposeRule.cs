using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Transpose(dim0, dim1)</c>: swaps two non-batch axes (negative counts from the back): [B, T, F] with
/// (1, 2) gives [B, F, T]. Symbolic sizes move with their axes. The batch itself may swap with an axis of the batch
/// size (a [B, B] similarity of two batches, <c>logits.Transpose(0, 1)</c>: the other batch's samples become the rows).
/// </summary>
internal sealed class TransposeRule : ShapeRule<TransposeOp>
{
    /// <summary>Transpose only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(TransposeOp op, ShapeContext context)
    {
        var input = context.Input;
        if (BatchSwap(op, input))
        {
            // [B, B] with the batch and the axis of the other batch's samples swapped: the same type (logits.T of a similarity).
            return ShapeContext.Ok(new TensorType(input.Dims, input.DType));
        }

        if (Axes.NonBatchOrFail(context, "dim0", op.Dim0, input) is not int a || Axes.NonBatchOrFail(context, "dim1", op.Dim1, input) is not int b)
        {
            return null;
        }

        var dims = input.Dims.Items.SetItem(a - 1, input.Dims[b - 1]).SetItem(b - 1, input.Dims[a - 1]);
        return ShapeContext.Ok(new TensorType(new EquatableArray<DimExpr>(dims), input.DType));
    }

    /// <summary>True where one axis is the batch and the other has the batch size (<see cref="DimExpr.BatchSize"/>): they may trade places.</summary>
    private static bool BatchSwap(TransposeOp op, TensorType input)
    {
        int a = Axes.FromFront(op.Dim0, input.Rank), b = Axes.FromFront(op.Dim1, input.Rank);
        int other = a == 0 ? b : b == 0 ? a : -1;
        return other >= 1 && other < input.Rank && input.Dims[other - 1].Equals(DimExpr.BatchSize);
    }
}
