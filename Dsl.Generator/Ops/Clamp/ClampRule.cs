using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>x.Clamp(min, max)</c>: element-wise, same type; at least one bound, and min not above max.</summary>
internal sealed class ClampRule : ShapeRule<ClampOp>
{
    protected override NodeAnalysis? Infer(ClampOp op, ShapeContext context)
    {
        if (op.Min is null && op.Max is null)
        {
            return context.InvalidArgument(null, "give min, max or both; without a bound Clamp does nothing");
        }

        if (op.Min is double min && op.Max is double max && min > max)
        {
            return context.InvalidArgument("max", "max " + ShapeContext.Text(max) + " is below min " + ShapeContext.Text(min) + "; every value would become max");
        }

        return ShapeContext.Ok(context.Input);
    }
}
