using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Mean / Sum / Max</c> over one or more non-batch axes (negative counts from the back), each named once: the
/// axes disappear, or stay with size 1 with keepDim. [B, T, F].Mean(1) gives [B, F]; Sum(-1, keepDim: true)
/// gives [B, T, 1]. Reducing the batch is not a per-sample op and is refused.
/// </summary>
internal sealed class ReduceRule : ShapeRule<ReduceOp>
{
    protected override NodeAnalysis? Infer(ReduceOp op, ShapeContext context)
    {
        var input = context.Input;
        string parameter = op.Reduction == ReduceKind.Max || op.Dims.Count == 1 ? "dim" : "dims";
        if (op.Dims.Count == 0)
        {
            return context.InvalidArgument(parameter, "name at least one axis to reduce; " + Axes.NonBatchRange(input));
        }

        var axes = new System.Collections.Generic.List<int>();
        foreach (int dim in op.Dims)
        {
            if (Axes.NonBatchOrFail(context, parameter, dim, input) is not int axis)
            {
                return null;
            }

            if (axes.Contains(axis))
            {
                return context.InvalidArgument(parameter, "axis " + axis + " of " + input.ShapeText + " is named twice");
            }

            axes.Add(axis);
        }

        var dims = op.KeepDim
            ? input.Dims.Select((d, i) => axes.Contains(i + 1) ? DimExpr.Of(1) : d).ToEquatableArray()
            : input.Dims.Where((_, i) => !axes.Contains(i + 1)).ToEquatableArray();
        return ShapeContext.Ok(new TensorType(dims));
    }
}
