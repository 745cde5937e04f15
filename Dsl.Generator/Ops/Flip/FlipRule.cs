using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>Flip(dim)</c>: same type; 0 &lt;= dim &lt; rank (0 is the batch).</summary>
internal sealed class FlipRule : ShapeRule<FlipOp>
{
    protected override NodeAnalysis? Infer(FlipOp op, ShapeContext context)
    {
        var input = context.Input;
        if (op.Dim < 0 || op.Dim >= input.Rank)
        {
            return context.InvalidArgument(
                "dim",
                "dim " + ShapeContext.Text(op.Dim) + " is out of range for " + input.ShapeText + "; use 0 (the batch) to " + (input.Rank - 1));
        }

        return ShapeContext.Ok(input);
    }
}
