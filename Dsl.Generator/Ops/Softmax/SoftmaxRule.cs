using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Softmax(dim)</c> / <c>LogSoftmax(dim)</c>: same type; dim names a non-batch axis, counted from the back when negative (-1 is the last).</summary>
internal sealed class SoftmaxRule : ShapeRule<SoftmaxOp>
{
    protected override NodeAnalysis? Infer(SoftmaxOp op, ShapeContext context)
    {
        var input = context.Input;
        if (Axes.NonBatchOrFail(context, "dim", op.Dim, input) is null)
        {
            return null;
        }

        return ShapeContext.Ok(input);
    }
}
