using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// One axis of an <c>expand</c>: kept (-1), a known size, or the run-time size of the node's input
/// <see cref="From"/> along the same axis (a batch, a symbolic length).
/// </summary>
internal readonly record struct ExpandAxis(int Size, int From)
{
    public static readonly ExpandAxis Keep = new(-1, -1);

    public static ExpandAxis Known(int size) => new(size, -1);

    public static ExpandAxis SizeOf(int input) => new(-1, input);

    public bool IsKept => Size < 0 && From < 0;
}

/// <summary>
/// The <c>expand</c> of one operand, which <c>Expand</c> and <c>Concat(broadcast: true)</c> share: what each axis
/// (the batch, axis 0, included) becomes, and the same plan in TorchSharp, PyTorch and ONNX.
/// </summary>
internal static class ExpandPlan
{
    /// <summary>The size of <paramref name="type"/> along <paramref name="axis"/> (0 is the batch: B, or 1 for a batch of one).</summary>
    public static DimExpr? SizeAt(TensorType type, int axis) => axis == 0 ? (type.BatchOne ? DimExpr.Of(1) : null) : type.Dims[axis - 1];

    /// <summary>True when <paramref name="type"/> has size 1 along <paramref name="axis"/>.</summary>
    public static bool IsOne(TensorType type, int axis) => SizeAt(type, axis) is { IsKnown: true, Value: 1 };

    /// <summary>
    /// The plan of <c>x.Expand(sizes)</c> (input 0; with <c>batchOf</c> input 1 gives a batch of one its batch), or
    /// null when the rule rejects the sizes (it reports them).
    /// </summary>
    public static ExpandAxis[]? ForExpand(ExpandOp op, TensorType x, TensorType? batchOf)
    {
        if (op.Sizes.Count != 0 && op.Sizes.Count != x.Dims.Count)
        {
            return null;
        }

        var plan = new ExpandAxis[x.Rank];
        plan[0] = x.BatchOne && batchOf is { BatchOne: false } ? ExpandAxis.SizeOf(1) : ExpandAxis.Keep;
        for (int axis = 1; axis < x.Rank; axis++)
        {
            int size = op.Sizes.Count == 0 ? -1 : op.Sizes[axis - 1];
            var dim = x.Dims[axis - 1];
            if (size == -1 || (dim.IsKnown && dim.Value == size))
            {
                plan[axis] = ExpandAxis.Keep;
            }
            else if (size >= 1 && dim.IsKnown && dim.Value == 1)
            {
                plan[axis] = ExpandAxis.Known(size);
            }
            else
            {
                return null;
            }
        }

        return plan;
    }

    /// <summary>
    /// The plan of operand <paramref name="operand"/> of a broadcasting concat along <paramref name="concatAxis"/>: each
    /// other axis of size 1 takes the size of the first operand whose size there is not 1; null when nothing expands.
    /// </summary>
    public static ExpandAxis[]? ForConcat(IReadOnlyList<TensorType> operands, int operand, int concatAxis)
    {
        var type = operands[operand];
        var plan = new ExpandAxis[type.Rank];
        bool any = false;
        for (int axis = 0; axis < type.Rank; axis++)
        {
            plan[axis] = ExpandAxis.Keep;
            if (axis == concatAxis || !IsOne(type, axis))
            {
                continue;
            }

            for (int other = 0; other < operands.Count; other++)
            {
                if (!IsOne(operands[other], axis))
                {
                    plan[axis] = SizeAt(operands[other], axis) is { IsKnown: true } known ? ExpandAxis.Known(known.Value) : ExpandAxis.SizeOf(other);
                    any = true;
                    break;
                }
            }
        }

        return any ? plan : null;
    }

    /// <summary>The sizes as C# or Python arguments: -1, a literal, or <c>local.size(axis)</c>.</summary>
    private static IEnumerable<string> Sizes(ExpandAxis[] plan, Func<int, string> input) =>
        plan.Select((a, axis) => a.From >= 0 ? input(a.From) + ".size(" + axis.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : a.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary><c>x.expand(new long[] { ... })</c> in TorchSharp; <paramref name="input"/> gives the local of the node's input.</summary>
    public static string TorchSharp(string x, ExpandAxis[] plan, Func<int, string> input) =>
        $"{x}.expand(new long[] {{ {string.Join(", ", Sizes(plan, input))} }})";

    /// <summary><c>x.expand(...)</c> in PyTorch.</summary>
    public static string PyTorch(string x, ExpandAxis[] plan, Func<int, string> input) =>
        $"{x}.expand({string.Join(", ", Sizes(plan, input))})";

    /// <summary>
    /// ONNX <c>Expand</c> of <paramref name="x"/> to <paramref name="output"/>: its shape input holds 1 for a kept axis
    /// (Expand broadcasts as NumPy does), a known size, or a <c>Shape</c> slice of the input read at run time.
    /// </summary>
    public static string Onnx(OnnxScope scope, string x, ExpandAxis[] plan, string output, string suffix)
    {
        var pieces = new List<string>();
        var constants = new List<long>();
        void Flush()
        {
            if (constants.Count > 0)
            {
                pieces.Add(scope.Ints(suffix + "_sizes", constants.ToArray()));
                constants.Clear();
            }
        }

        for (int axis = 0; axis < plan.Length; axis++)
        {
            var a = plan[axis];
            if (a.From >= 0)
            {
                Flush();
                string size = scope.Temp(suffix + "_size");
                scope.Add("Shape", size, scope.Input(a.From)).Int("start", axis).Int("end", axis + 1);
                pieces.Add(size);
            }
            else
            {
                constants.Add(a.IsKept ? 1 : a.Size);
            }
        }

        Flush();
        string shape = pieces[0];
        if (pieces.Count > 1)
        {
            shape = scope.Temp(suffix + "_shape");
            scope.Add("Concat", shape, pieces.ToArray()).Int("axis", 0);
        }

        scope.Add("Expand", output, x, shape);
        return output;
    }
}
