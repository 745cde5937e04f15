using System.Linq;
using Dsl.Generator.Diagnostics;
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
        if (Axes.NonBatchOrFail(context, "dim", op.Dim, input) is not int axis)
        {
            return null;
        }

        var size = input.Dims[axis - 1];
        if (size.IsKnown && size.Value == 1)
        {
            int over = Enumerable.Range(1, input.Rank - 1).FirstOrDefault(a => input.RoleAt(a) == AxisRole.Time);
            string suggestion = over > 0 ? "to weigh the steps against each other (attention pooling) use dim: " + over : "choose an axis of more than one size";
            return context.WrongLayout(
                "a " + op.Kind + " axis of more than one value",
                "dim " + op.Dim + " has size 1, so every weight is " + (op.Log ? "0" : "1.0") + " and nothing is learned; " + suggestion);
        }

        bool dimWritten = context.Node.SiteOf("dim") != context.Node.Site;
        if (!dimWritten && axis == 1 && AxisRoles.IsTimeByFeature(input))
        {
            context.UnusualLayout(
                "the classes or features on dim 1 by default",
                "the default dim 1 normalizes over the " + input.Dims[0] + " steps, not over the " + input.Dims[1] + " features of each step; write dim: -1 for a distribution per step (dim: 1 states a softmax over time)",
                FixSpec.Of(FixKinds.SetArgument, "dim", "-1"));
        }

        return ShapeContext.Ok(input);
    }
}
