using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// One piece of <c>Split(sizes, dim)</c> / <c>Chunk(chunks, dim)</c> on a non-batch axis of a known size: the sizes
/// must add up to it, or chunks divide it (PyTorch would give uneven last chunks; here every piece has one size).
/// The piece's axis becomes its size. Every piece checks the whole split; only piece 0 reports, so a wrong split is
/// one diagnostic.
/// </summary>
internal sealed class SplitRule : ShapeRule<SplitOp>
{
    protected override NodeAnalysis? Infer(SplitOp op, ShapeContext context)
    {
        var input = context.Input;
        bool report = op.Index == 0;
        int? axis = report ? Axes.NonBatchOrFail(context, "dim", op.Dim, input) : Axes.NonBatch(op.Dim, input);
        if (axis is not int a)
        {
            return null;
        }

        var size = input.Dims[a - 1];
        if (!size.IsKnown)
        {
            return report ? context.NeedsConcreteSize(input, size, op.Kind + " cuts dim " + a + " at fixed positions; give it a fixed size, or use Slice with positions from the front and the back") : null;
        }

        if (Start(op, size.Value) is not int start)
        {
            if (!report)
            {
                return null;
            }

            return op.Chunks > 0
                ? context.InvalidArgument("chunks", ShapeContext.Text(op.Chunks) + " chunks do not divide dim " + a + " of " + input.ShapeText + " (" + size + ") evenly; use a divisor, or Split with the sizes")
                : context.InvalidArgument("sizes", "the sizes (" + string.Join(", ", op.Sizes) + ") add up to " + Total(op) + " but dim " + a + " of " + input.ShapeText + " is " + size);
        }

        return ShapeContext.Ok(new TensorType(input.Dims.Items.SetItem(a - 1, DimExpr.Of(Length(op, size.Value))).ToEquatableArray()));
    }

    /// <summary>Where piece <see cref="SplitOp.Index"/> starts along an axis of <paramref name="size"/>, or null when the split does not fit it.</summary>
    public static int? Start(SplitOp op, int size) =>
        op.Chunks > 0
            ? size % op.Chunks == 0 ? size / op.Chunks * op.Index : null
            : Total(op) == size ? op.Sizes.Take(op.Index).Sum() : null;

    /// <summary>The sum of the sizes, without overflow (sizes near int.MaxValue are refused by the comparison, not by an exception).</summary>
    private static long Total(SplitOp op) => op.Sizes.Sum(s => (long)s);

    /// <summary>The length of the piece along an axis of <paramref name="size"/> that the split fits.</summary>
    public static int Length(SplitOp op, int size) => op.Chunks > 0 ? size / op.Chunks : op.Sizes[op.Index];
}
