using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Slice(dim, start, end)</c> on a non-batch axis: positions start to end (exclusive, null: the end), negative
/// values counting from the back as in Python. On a known size both must lie within -size to size and leave at
/// least one position; on a symbolic size T the length is affine (<c>Slice(1, 1)</c> of T is T - 1), and a range
/// from the back to a position from the front (its length -T + ...) needs a fixed size.
/// </summary>
internal sealed class SliceRule : ShapeRule<SliceOp>
{
    /// <summary>Slicing is pure indexing: int64 indices stay int64 (the next tokens of a sequence, <c>tokens.Slice(1, 1)</c>).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(SliceOp op, ShapeContext context)
    {
        var input = context.Input;
        if (Axes.NonBatchOrFail(context, "dim", op.Dim, input) is not int axis)
        {
            return null;
        }

        var size = input.Dims[axis - 1];
        var length = size.IsKnown ? Known(op, size.Value, context, input, axis) : Symbolic(op, size, context, input);
        return length is null ? null : ShapeContext.Ok(new TensorType(input.Dims.Items.SetItem(axis - 1, length).ToEquatableArray(), input.DType));
    }

    private static DimExpr? Known(SliceOp op, int size, ShapeContext context, TensorType input, int axis)
    {
        foreach (var (parameter, value) in new[] { ("start", (int?)op.Start), ("end", op.End) })
        {
            if (value is int v && (v < -size || v > size))
            {
                context.InvalidArgument(parameter, parameter + " " + ShapeContext.Text(v) + " is outside dim " + ShapeContext.Text(axis) + " of " + input.ShapeText + "; use -" + size + " to " + size);
                return null;
            }
        }

        int start = op.Start < 0 ? size + op.Start : op.Start;
        int end = op.End is int e ? (e < 0 ? size + e : e) : size;
        if (end <= start)
        {
            context.InvalidArgument("end", "the slice " + Range(op) + " of dim " + ShapeContext.Text(axis) + " of " + input.ShapeText + " is empty; end must come after start");
            return null;
        }

        return DimExpr.Of(end - start);
    }

    private static DimExpr? Symbolic(SliceOp op, DimExpr size, ShapeContext context, TensorType input)
    {
        bool startFromBack = op.Start < 0;
        long start = op.Start;
        if (start <= -int.MaxValue || (op.End is int last && System.Math.Abs(last - start) > int.MaxValue))
        {
            context.InvalidArgument("start", "the slice " + Range(op) + " is longer than any dimension can be");
            return null;
        }

        switch (op.End)
        {
            case null:
                return startFromBack ? DimExpr.Of((int)-start) : size.Add((int)-start);
            case int end when (end < 0) == startFromBack:
                if (end <= start)
                {
                    context.InvalidArgument("end", "the slice " + Range(op) + " is empty; end must come after start");
                    return null;
                }

                return DimExpr.Of((int)(end - start));
            case int end when end < 0:
                return size.Add((int)(end - start));
            default:
                context.NeedsConcreteSize(input, size, "the slice " + Range(op) + " runs from the back to a position from the front, so its length depends on " + size + "; count both from the same side");
                return null;
        }
    }

    private static string Range(SliceOp op) => "[" + ShapeContext.Text(op.Start) + ":" + (op.End is int end ? ShapeContext.Text(end) : "") + "]";
}
