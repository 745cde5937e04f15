using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>
/// Where a prediction keeps its classes, for cross entropy and NLL over more than [B, C]: channels first (a
/// segmentation map [B, C, H, W], classes on dim 1) or features last (a sequence [B, T, V], classes on the last dim).
/// The layout is read from the ops that made the prediction: convolutions, pooling, upsampling, padding, batch and
/// group norm write channels first; Linear, Embedding, attention, recurrent layers and LayerNorm write features
/// last; a Softmax / LogSoftmax names its axis; element-wise ops, slices and dropout keep the layout; Transpose,
/// Permute, Select, reductions, Concat and Stack move it with the axes. Anything else (an input that is no image, a
/// Reshape, a submodel's output, operands that disagree) leaves it unknown, and the loss must state it.
/// </summary>
internal static class ClassAxes
{
    /// <summary>The axis (counted with the batch) that holds <paramref name="node"/>'s features or classes, or null where its layout is not known.</summary>
    public static int? FeatureAxis(ModelSpec spec, IReadOnlyList<NodeAnalysis> nodes, int node) =>
        FeatureAxis(spec, nodes, node, new Dictionary<int, int?>());

    /// <summary>
    /// Why <paramref name="node"/>'s layout is not known, for DSL0211: the node where the trail ends, found by following
    /// the ops that keep or move a layout back to it (an input, a Reshape, a submodel's output, operands that disagree).
    /// </summary>
    public static string WhyUnknown(ModelSpec spec, IReadOnlyList<NodeAnalysis> nodes, int node)
    {
        var n = spec.Nodes[node];
        while (n.Op is ActivationOp or DropoutOp or ScalarOp or ClampOp or FlipOp or SliceOp or SplitOp or RandomNormalLikeOp or TransposeOp or PermuteOp or SelectOp or ReduceOp && n.Inputs.Count > 0)
        {
            n = spec.Nodes[n.Inputs[0]];
        }

        string type = nodes[n.Id].Type?.ShapeText ?? "";
        return n.Op switch
        {
            InputOp input => "the input '" + input.Name + "' " + type + " is no image, so its layout is not known",
            BinaryOp or ConcatOp or StackOp => "the operands of " + n.Op.Kind + " '" + n.Name + "' do not tell one layout",
            _ => "it comes from " + n.Op.Kind + " '" + n.Name + "', which does not keep a known layout",
        };
    }

    private static int? FeatureAxis(ModelSpec spec, IReadOnlyList<NodeAnalysis> nodes, int node, Dictionary<int, int?> memo)
    {
        if (memo.TryGetValue(node, out var known))
        {
            return known;
        }

        memo[node] = null; // a cycle cannot occur (nodes only read earlier ones), but a guard costs nothing
        var result = Compute(spec, nodes, node, memo);
        memo[node] = result;
        return result;
    }

    private static int? Compute(ModelSpec spec, IReadOnlyList<NodeAnalysis> nodes, int node, Dictionary<int, int?> memo)
    {
        var n = spec.Nodes[node];
        var type = nodes[node].Type;
        if (type is null)
        {
            return null;
        }

        int rank = type.Rank;
        if (rank == 2)
        {
            return 1;
        }

        int? Inner(int index = 0) => n.Inputs.Count > index ? FeatureAxis(spec, nodes, n.Inputs[index], memo) : null;
        int Normalize(int dim, int ofRank) => dim < 0 ? ofRank + dim : dim;
        int RankOf(int index) => nodes[n.Inputs[index]].Type?.Rank ?? 0;

        switch (n.Op)
        {
            case LinearOp or EmbeddingOp or MultiheadAttentionOp or RecurrentOp or LayerNormOp:
                return rank - 1;

            case ConvOp or PoolOp or GlobalPoolOp or AdaptiveAvgPool2dOp or UpSample2dOp or ZeroPad2dOp or BatchNormOp or GroupNormOp:
                return 1;

            case DropoutOp { SpatialRank: > 0 }:
                return 1;

            case SoftmaxOp softmax:
                return Normalize(softmax.Dim, rank);

            case ActivationOp or DropoutOp or ScalarOp or ClampOp or FlipOp or SliceOp or SplitOp or RandomNormalLikeOp:
                return Inner();

            case TransposeOp transpose when Inner() is int f:
                {
                    int a = Normalize(transpose.Dim0, rank), b = Normalize(transpose.Dim1, rank);
                    return f == a ? b : f == b ? a : f;
                }

            case PermuteOp permute when Inner() is int f:
                {
                    int at = permute.Dims.Select(d => Normalize(d, rank)).ToList().IndexOf(f);
                    return at >= 0 ? at : null;
                }

            case SelectOp select when Inner() is int f:
                {
                    int dim = Normalize(select.Dim, rank + 1);
                    return dim == f ? null : dim < f ? f - 1 : f;
                }

            case ReduceOp reduce when Inner() is int f:
                {
                    var dims = reduce.Dims.Select(d => Normalize(d, RankOf(0))).ToList();
                    return dims.Contains(f) ? null : reduce.KeepDim ? f : f - dims.Count(d => d < f);
                }

            case StackOp stack when Agreed() is int f:
                {
                    int dim = Normalize(stack.Dim, rank);
                    return f >= dim ? f + 1 : f;
                }

            case ConcatOp or BinaryOp:
                return Agreed();

            default:
                // An image input, or another op that keeps a channels-first feature map as such.
                return type.IsSpatial ? 1 : null;
        }

        // The layout every operand of the output's rank agrees on (operands of lower rank broadcast from the right and
        // say nothing about it; an operand whose layout is not known neither), or null where two disagree or none tells.
        int? Agreed()
        {
            int? agreed = null;
            for (int i = 0; i < n.Inputs.Count; i++)
            {
                int inputRank = RankOf(i);
                if (inputRank < 3 || FeatureAxis(spec, nodes, n.Inputs[i], memo) is not int f)
                {
                    continue;
                }

                int shifted = f + (n.Op is StackOp ? 0 : rank - inputRank);
                if (agreed is int a && a != shifted)
                {
                    return null;
                }

                agreed = shifted;
            }

            return agreed;
        }
    }
}
