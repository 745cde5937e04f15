using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>
/// NumPy's broadcasting of two shapes, as PyTorch applies it to element-wise ops: sizes are matched from the
/// right, each pair equal or one of them 1. Every node has the batch first, so operands of different ranks would
/// match the shorter one's batch against a feature axis: the ranks must agree. A symbolic size matches itself or 1.
/// </summary>
internal static class Broadcast
{
    /// <summary>The broadcast sizes (after the batch) of <paramref name="left"/> and <paramref name="right"/>, or null.</summary>
    public static EquatableArray<DimExpr>? Dims(EquatableArray<DimExpr> left, EquatableArray<DimExpr> right)
    {
        if (left.Count != right.Count)
        {
            return null;
        }

        var dims = new DimExpr[left.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            DimExpr l = left[i], r = right[i];
            if (l.Equals(r) || IsOne(r))
            {
                dims[i] = l;
            }
            else if (IsOne(l))
            {
                dims[i] = r;
            }
            else
            {
                return null;
            }
        }

        return dims.ToEquatableArray();
    }

    private static bool IsOne(DimExpr dim) => dim.IsKnown && dim.Value == 1;
}
