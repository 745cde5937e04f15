using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Ops.Stack(dim, nodes...)</c>: operands of one shape, stacked along a new axis at dim of the result (1 to
/// rank; negative counts from the back of the result, so -1 appends): two [B, F] give [B, 2, F] at dim 1.
/// </summary>
internal sealed class StackRule : ShapeRule<StackOp>
{
    public override bool AcceptsInputCount(int count) => count >= 2;

    protected override NodeAnalysis? Infer(StackOp op, ShapeContext context)
    {
        var first = context.Inputs[0];
        for (int i = 1; i < context.Inputs.Count; i++)
        {
            if (!context.Inputs[i].Dims.Equals(first.Dims))
            {
                return context.Fail(
                    Descriptors.IncompatibleShapes,
                    "Stack",
                    first.ShapeText,
                    context.Inputs[i].ShapeText,
                    "operand " + ShapeContext.Text(i + 1) + " differs from the first; stacking needs one shape (Concat joins along an existing axis)");
            }
        }

        // The axis is one of the result, which has one more.
        var result = new TensorType(first.Dims.Concat(new[] { DimExpr.Of(1) }).ToEquatableArray());
        if (Axes.NonBatchOrFail(context, "dim", op.Dim, result) is not int axis)
        {
            return null;
        }

        var dims = first.Dims.Items.Insert(axis - 1, DimExpr.Of(context.Inputs.Count));
        return ShapeContext.Ok(new TensorType(new EquatableArray<DimExpr>(dims)));
    }
}
