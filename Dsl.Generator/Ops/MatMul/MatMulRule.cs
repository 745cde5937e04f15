using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Ops.MatMul(a, b)</c>, as <c>torch.matmul</c> on operands with the batch first: [B, ..., n, k] by
/// [B, ..., k, m] gives [B, ..., n, m]; the inner sizes k must be equal (the same symbol counts), the axes between
/// the batch and the matrices broadcast (<see cref="Broadcast"/>). Attention scores are
/// <c>MatMul(q, k.Transpose(-2, -1))</c>: [B, T, d] by [B, d, S] gives [B, T, S].
/// </summary>
internal sealed class MatMulRule : ShapeRule<MatMulOp>
{
    public override bool AcceptsInputCount(int count) => count == 2;

    protected override NodeAnalysis? Infer(MatMulOp op, ShapeContext context)
    {
        var a = context.Inputs[0];
        var b = context.Inputs[1];
        foreach (var operand in context.Inputs)
        {
            if (operand.Rank < 3)
            {
                return context.WrongRank("matrices [B, ..., n, k] and [B, ..., k, m]", "a [B, F] node holds one vector per sample; give it a matrix axis with .Reshape(1, F) or .Reshape(F, 1)", operand);
            }
        }

        var inner = a.Dims[a.Dims.Count - 1];
        if (!inner.Equals(b.Dims[b.Dims.Count - 2]))
        {
            return context.Fail(
                Descriptors.IncompatibleShapes,
                "MatMul",
                a.ShapeText,
                b.ShapeText,
                InnerHint(a, b));
        }

        var batchA = a.Dims.Take(a.Dims.Count - 2).ToEquatableArray();
        var batchB = b.Dims.Take(b.Dims.Count - 2).ToEquatableArray();
        if (Broadcast.Dims(batchA, batchB) is not { } batch)
        {
            return context.Fail(
                Descriptors.IncompatibleShapes,
                "MatMul",
                a.ShapeText,
                b.ShapeText,
                "the axes before the matrices must be equal or 1 on one side (both have the batch first, so the ranks must agree)");
        }

        DimExpr n = a.Dims[a.Dims.Count - 2], m = b.Dims[b.Dims.Count - 1];
        var type = new TensorType(batch.Concat(new[] { n, m }).ToEquatableArray());
        // n x m dot products of length k for every position of the broadcast axes.
        long? macs = SizeLimits.KnownElementsPerSample(type) is long outputs && inner.IsKnown ? SizeLimits.Multiply(outputs, inner.Value) : null;
        return ShapeContext.Ok(type, macs: macs);
    }

    /// <summary>
    /// What to do when the inner sizes differ: the usual cause is an operand holding rows (attention's keys
    /// [B, S, d] where [B, d, S] is needed), so the transpose that makes the sizes meet is named with its result.
    /// </summary>
    private static string InnerHint(TensorType a, TensorType b)
    {
        DimExpr k = a.Dims[a.Dims.Count - 1], aRows = a.Dims[a.Dims.Count - 2], bRows = b.Dims[b.Dims.Count - 2], bLast = b.Dims[b.Dims.Count - 1];
        string need = "the last size of the first (" + k + ") must equal the second-to-last of the second (" + bRows + ")";
        if (k.Equals(bLast))
        {
            return need + "; both end in " + k + ", so the second holds rows: multiply by its transpose, Ops.MatMul(first, second.Transpose(-2, -1)), which gives " + WithMatrix(a, aRows, bRows);
        }

        if (aRows.Equals(bRows))
        {
            return need + "; both have " + aRows + " rows, so transpose the first: Ops.MatMul(first.Transpose(-2, -1), second) gives " + WithMatrix(a, k, bLast);
        }

        return need + "; no transpose makes them meet: project the first's last axis with .Linear(" + bRows + ")";
    }

    /// <summary>The shape text of <paramref name="a"/> with its matrix axes replaced by n x m.</summary>
    private static string WithMatrix(TensorType a, DimExpr n, DimExpr m) =>
        new TensorType(a.Dims.Take(a.Dims.Count - 2).Concat(new[] { n, m }).ToEquatableArray()).ShapeText;
}
