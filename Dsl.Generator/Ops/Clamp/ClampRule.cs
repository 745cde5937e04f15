using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Clamp(min, max)</c>: element-wise, same type; at least one bound, and min not above max.</summary>
internal sealed class ClampRule : SameTypeRule<ClampOp>
{
    protected override bool Check(ClampOp op, ShapeContext context)
    {
        if (op.Min is null && op.Max is null)
        {
            return context.Reject(null, "give min, max or both; without a bound Clamp does nothing");
        }

        if (op.Min is double min && op.Max is double max && min > max)
        {
            return context.Reject("max", "max " + ShapeContext.Text(max) + " is below min " + ShapeContext.Text(min) + "; every value would become max");
        }

        return true;
    }
}
