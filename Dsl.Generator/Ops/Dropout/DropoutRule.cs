using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Rules;

/// <summary><c>Dropout(p)</c>: same type; the drop probability p is in [0, 1).</summary>
internal sealed class DropoutRule : ShapeRule<DropoutOp>
{
    protected override NodeAnalysis? Infer(DropoutOp op, ShapeContext context)
    {
        if (!(op.P >= 0 && op.P < 1))
        {
            return context.InvalidArgument("p", "the drop probability p must be in [0, 1) but is " + ShapeContext.Text(op.P));
        }

        return ShapeContext.Ok(context.Input);
    }
}
