using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>Softmax(dim)</c> / <c>LogSoftmax(dim)</c>: same type; dim names a non-batch axis, counted from the back when negative (-1 is the last).</summary>
internal sealed class SoftmaxRule : ShapeRule<SoftmaxOp>
{
    protected override NodeAnalysis? Infer(SoftmaxOp op, ShapeContext context)
    {
        var input = context.Input;
        if (Axes.NonBatch(op.Dim, input) is null)
        {
            return context.InvalidArgument(
                "dim",
                "dim " + ShapeContext.Text(op.Dim) + " is out of range for " + input.ShapeText + "; " + Axes.NonBatchRange(input) + (op.Dim == 0 ? " (dim 0 is the batch)" : ""));
        }

        return ShapeContext.Ok(input);
    }
}
