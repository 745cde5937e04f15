using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Normalize(p, dim, eps)</c>: the same type; dim is an axis after the batch (negative counts from the back).</summary>
internal sealed class NormalizeRule : ShapeRule<NormalizeOp>
{
    protected override NodeAnalysis? Infer(NormalizeOp op, ShapeContext context)
    {
        var input = context.Input;
        long axis = AxisRange.Resolve(op.Dim, input.Rank);
        if (axis < 1 || axis >= input.Rank)
        {
            return context.InvalidArgument(
                "dim",
                "dim " + ShapeContext.Text(op.Dim) + " is not an axis after the batch of " + input.ShapeText + "; use " + AxisRange.AfterBatch(input) + " (normalizing over the batch would mix samples)");
        }

        return ShapeContext.Ok(input);
    }
}
