using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>Softmax(dim)</c> / <c>LogSoftmax(dim)</c>: same type; 1 &lt;= dim &lt; rank (not along the batch).</summary>
internal sealed class SoftmaxRule : ShapeRule<SoftmaxOp>
{
    protected override NodeAnalysis? Infer(SoftmaxOp op, ShapeContext context)
    {
        var input = context.Input;
        if (op.Dim < 1 || op.Dim >= input.Rank)
        {
            string range = input.Rank > 2 ? "1 to " + (input.Rank - 1) : "1";
            return context.InvalidArgument(
                "dim",
                "dim " + ShapeContext.Text(op.Dim) + " is out of range for " + input.ShapeText + "; use " + range + (op.Dim == 0 ? " (dim 0 is the batch)" : ""));
        }

        return ShapeContext.Ok(input);
    }
}
