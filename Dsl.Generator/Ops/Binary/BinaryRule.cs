using System.Linq;
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
            return NonImageHint(left, right);
        }

        string channels = right.Dims[0].ToString();
        if (!restDiffers)
        {
            return "project the shortcut with a 1x1 Conv2d to " + channels + " channels: .Conv2d(" + channels + ", 1)";
        }

        if (StrideBetween(left, right) is int s)
        {
            string conv = " (.Conv2d(" + channels + ", 1, stride: " + s + "))";
            return channelsDiffer
                ? "make the strides agree, or project and downsample the shortcut with a strided 1x1 Conv2d to " + channels + " channels" + conv
                : "make the strides agree, or downsample the shortcut with a strided 1x1 Conv2d" + conv;
        }

        // No stride maps one size to the other (15 is never ceil(x / s) of 14): strides are not the cause.
        string sizes = "the sizes " + left.Dims[1] + "x" + left.Dims[2] + " and " + right.Dims[1] + "x" + right.Dims[2];
        string project = channelsDiffer ? ", and project the shortcut to " + channels + " channels with .Conv2d(" + channels + ", 1)" : "";
        return Difference(left, right) switch
        {
            1 => sizes + " are one apart, which no stride gives: one branch rounded an odd size down (pooling, an unpadded stride) and the other up (a strided Conv2d with Padding.Same); make the size before the downsampling even, or downsample both branches the same way" + project,
            int lost => sizes + " are " + lost + " apart, which no stride gives: unpadded kernels shrank the smaller branch (a k x k kernel takes k - 1); give its convolutions or pooling padding: Padding.Same" + project,
            null => sizes + " are not a stride apart; make the strides, kernels and paddings of the two branches agree" + project,
        };
    }

    /// <summary>
    /// Rank 2 or 3 ([B, F], [B, T, F], [B, C, L]): a Linear changes only the last axis, so it is suggested only when
    /// the last axis is the one that differs and holds features (not the length of a Conv1d map).
    /// </summary>
    private static string NonImageHint(TensorType left, TensorType right)
    {
        var differing = Enumerable.Range(0, left.Dims.Count).Where(d => !left.Dims[d].Equals(right.Dims[d]) && !IsOne(left.Dims[d]) && !IsOne(right.Dims[d])).ToList();
        int last = left.Dims.Count - 1;
        if (differing.Count == 1 && differing[0] == last && !left.IsSpatial && !right.IsSpatial && right.Dims[last].IsKnown)
        {
            return "project one operand to the other's size, e.g. .Linear(" + right.Dims[last] + ") on the left";
        }

        if (differing.Count == 1 && differing[0] != last)
        {
            DimExpr l = left.Dims[differing[0]], r = right.Dims[differing[0]];
            int axis = differing[0] + 1;
            string cut = l.IsKnown && r.IsKnown ? " with .Slice(" + axis + ", 0, " + System.Math.Min(l.Value, r.Value) + ")" : " with .Slice";
            return "axis " + axis + " differs (" + l + " vs " + r + ") and a Linear changes only the last axis; make the lengths agree where the operands are made, or cut the longer one" + cut;
        }

        return "each size must be equal on both sides or 1 on one of them (broadcast); reshape one operand to match";
    }

    private static bool IsOne(DimExpr dim) => dim.IsKnown && dim.Value == 1;

    /// <summary>How much smaller one branch is when both spatial axes differ by the same amount, else null.</summary>
    private static int? Difference(TensorType left, TensorType right)
    {
        DimExpr lh = left.Dims[1], lw = left.Dims[2], rh = right.Dims[1], rw = right.Dims[2];
        if (!lh.IsKnown || !lw.IsKnown || !rh.IsKnown || !rw.IsKnown)
        {
            return null;
        }

        int dh = lh.Value - rh.Value, dw = lw.Value - rw.Value;
        return dh == dw && dh != 0 ? System.Math.Abs(dh) : null;
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
