using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c> on two nodes: shapes that broadcast (<see cref="Broadcast"/>:
/// equal, or size 1 on one side, as [B, 1] against [B, F]). Otherwise DSL0001 at the operator with both shapes,
/// and a fix for the classic ResNet shortcut mismatch.
/// </summary>
internal sealed class BinaryRule : ShapeRule<BinaryOp>
{
    public override bool AcceptsInputCount(int count) => count == 2;

    protected override NodeAnalysis? Infer(BinaryOp op, ShapeContext context)
    {
        var left = context.Inputs[0];
        var right = context.Inputs[1];
        if (Broadcast.Dims(left.Dims, right.Dims) is { } dims)
        {
            // A feature map scaled or shifted by a broadcast stays a feature map.
            return ShapeContext.Ok(new TensorType(dims), spatial: left.IsSpatial || right.IsSpatial);
        }

        string[] args = { op.Symbol, left.ShapeText, right.ShapeText, Hint(left, right) };
        return ProjectionFix(context) is { } fix
            ? context.FailWithFix(fix, Descriptors.IncompatibleShapes, args)
            : context.Fail(Descriptors.IncompatibleShapes, args);
    }

    /// <summary>
    /// The projection shortcut of a residual block: when one operand is computed from the other (<c>x + f(x)</c>,
    /// so it is the shortcut) and a 1x1 Conv2d with some stride maps it exactly to the other's shape.
    /// </summary>
    private static FixSpec? ProjectionFix(ShapeContext context)
    {
        var spec = context.Spec;
        int leftNode = context.Node.Inputs[0], rightNode = context.Node.Inputs[1];
        int shortcut = GraphWalk.Ancestors(spec, rightNode).Contains(leftNode) ? 0
            : GraphWalk.Ancestors(spec, leftNode).Contains(rightNode) ? 1
            : -1;
        if (shortcut < 0)
        {
            return null;
        }

        var from = context.Inputs[shortcut];
        var to = context.Inputs[1 - shortcut];
        if (from.Rank != 4 || to.Rank != 4 || !to.Dims[0].IsKnown)
        {
            return null;
        }

        bool sameSpatial = from.Dims[1].Equals(to.Dims[1]) && from.Dims[2].Equals(to.Dims[2]);
        int? stride = sameSpatial ? 1 : StrideBetween(from, to);
        return stride is int s
            ? FixSpec.Of(FixKinds.ProjectShortcut, shortcut == 0 ? "left" : "right", to.Dims[0].ToString(), s.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// How to make <paramref name="left"/> (in a residual block, the shortcut) match <paramref name="right"/>:
    /// a 1x1 Conv2d to the right's channels, strided when the spatial sizes differ by a stride.
    /// </summary>
    private static string Hint(TensorType left, TensorType right)
    {
        if (left.Rank != right.Rank)
        {
            return "the ranks differ, and both have the batch first; reshape one operand so both have the same rank (a size of 1 broadcasts)";
        }

        bool channelsDiffer = !left.Dims[0].Equals(right.Dims[0]);
        bool restDiffers = false;
        for (int d = 1; d < left.Dims.Count; d++)
        {
            restDiffers |= !left.Dims[d].Equals(right.Dims[d]);
        }

        if (left.Rank != 4)
        {
            return channelsDiffer && !restDiffers && right.Dims[0].IsKnown
                ? "project one operand to the other's size, e.g. .Linear(" + right.Dims[0] + ") on the left"
                : "each size must be equal on both sides or 1 on one of them (broadcast); reshape one operand to match";
        }

        string channels = right.Dims[0].ToString();
        if (!restDiffers)
        {
            return "project the shortcut with a 1x1 Conv2d to " + channels + " channels: .Conv2d(" + channels + ", 1)";
        }

        int? stride = StrideBetween(left, right);
        string conv = stride is int s ? " (.Conv2d(" + channels + ", 1, stride: " + s + "))" : "";
        return channelsDiffer
            ? "make the strides agree, or project and downsample the shortcut with a strided 1x1 Conv2d to " + channels + " channels" + conv
            : "make the strides agree, or downsample the shortcut with a strided 1x1 Conv2d" + conv;
    }

    /// <summary>The stride s with ceil(left / s) == right on both spatial axes (a 1x1 kernel gives ceil), if any.</summary>
    private static int? StrideBetween(TensorType left, TensorType right)
    {
        DimExpr lh = left.Dims[1], lw = left.Dims[2], rh = right.Dims[1], rw = right.Dims[2];
        if (!lh.IsKnown || !lw.IsKnown || !rh.IsKnown || !rw.IsKnown || rh.Value >= lh.Value)
        {
            return null;
        }

        if (rh.Value < 1 || rw.Value < 1)
        {
            return null;
        }

        // ceil(l / s) falls as s grows, so the strides giving r on an axis are an interval starting at ceil(l / r);
        // the first stride giving both is the larger start, if it gives both (closed form: no loop over the size).
        int stride = System.Math.Max(2, System.Math.Max(SpatialMath.CeilDiv(lh.Value, rh.Value), SpatialMath.CeilDiv(lw.Value, rw.Value)));
        return stride <= lh.Value && SpatialMath.CeilDiv(lh.Value, stride) == rh.Value && SpatialMath.CeilDiv(lw.Value, stride) == rw.Value
            ? stride
            : null;
    }
}
