using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>
/// Where a prediction keeps its classes, for cross entropy and NLL over more than [B, C]: channels first (a
/// segmentation map [B, C, H, W], classes on dim 1) or features last (a sequence [B, T, V], classes on the last dim).
/// The layout is read from the ops that made the prediction: convolutions, pooling, upsampling, padding, batch and
/// group norm write channels first; Linear, Embedding, attention, recurrent layers and LayerNorm write features
/// last; a Softmax / LogSoftmax names its axis; element-wise ops, slices and dropout keep the layout; Transpose,
/// Permute, Select, reductions, Concat and Stack move it with the axes. Anything else (an input that is no image, a
/// Reshape, a submodel's output, operands that disagree) leaves it unknown, and the loss must state it. Each op
/// tells its part in its descriptor's <see cref="OpDescriptor.Layout"/>; this class follows the graph.
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
        while (LayoutOf(n).Kind == FeatureLayoutKind.FromInput && n.Inputs.Count > 0)
        {
            n = spec.Nodes[n.Inputs[0]];
        }

        string type = nodes[n.Id].Type?.ShapeText ?? "";
        return n.Op switch
        {
            InputOp input => "the input '" + input.Name + "' " + type + " is no image, so its layout is not known",
            _ when LayoutOf(n).Kind is FeatureLayoutKind.Agreed or FeatureLayoutKind.Stacked => "the operands of " + n.Op.Kind + " '" + n.Name + "' do not tell one layout",
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

        int? Inner() => n.Inputs.Count > 0 ? FeatureAxis(spec, nodes, n.Inputs[0], memo) : null;
        int RankOf(int index) => nodes[n.Inputs[index]].Type?.Rank ?? 0;

        var layout = LayoutOf(n);
        switch (layout.Kind)
        {
            case FeatureLayoutKind.FeaturesLast:
                return rank - 1;

            case FeatureLayoutKind.ChannelsFirst:
                return 1;

            case FeatureLayoutKind.AtAxis:
                return Axes.FromFront(layout.Axis, rank);

            case FeatureLayoutKind.FromInput when layout.Move is null:
                return Inner();

            case FeatureLayoutKind.FromInput when Inner() is int f:
                return layout.Move!(f, rank, RankOf(0));

            case FeatureLayoutKind.Stacked when Agreed() is int f:
                {
                    int dim = Axes.FromFront(layout.Axis, rank);
                    return f >= dim ? f + 1 : f;
                }

            case FeatureLayoutKind.Agreed:
                return Agreed();

            default:
                // An image input, another op that keeps a channels-first feature map as such, or an op moving a layout
                // its input does not tell.
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

                int shifted = f + (layout.Kind == FeatureLayoutKind.Stacked ? 0 : rank - inputRank);
                if (agreed is int a && a != shifted)
                {
                    return null;
                }

                agreed = shifted;
            }

            return agreed;
        }
    }

    private static FeatureLayout LayoutOf(NodeSpec node) => OpCatalogue.For(node.Op)?.Layout(node.Op) ?? FeatureLayout.NotKnown;
}
