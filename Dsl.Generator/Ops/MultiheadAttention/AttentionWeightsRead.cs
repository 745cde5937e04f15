using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Ops;

/// <summary>
/// What the attention's emitters and AttentionWeights' share: whether a node's attention weights are read, and the
/// suffix of the second local that keeps them.
/// </summary>
internal static class AttentionWeightsRead
{
    /// <summary>True when an <c>AttentionWeights()</c> reads the attention node <paramref name="node"/>.</summary>
    public static bool Of(ModelSpec spec, int node) =>
        spec.Nodes.Any(n => n.Op is AttentionWeightsOp && n.Inputs.Count == 1 && n.Inputs[0] == node);

    /// <summary>
    /// True when an <c>AttentionWeights(averageHeads: false)</c> reads the attention node <paramref name="node"/>: its step
    /// then keeps each head's weights [B, heads, T, S], and a reader of the average takes their mean.
    /// </summary>
    public static bool PerHead(ModelSpec spec, int node) =>
        spec.Nodes.Any(n => n.Op is AttentionWeightsOp { AverageHeads: false } && n.Inputs.Count == 1 && n.Inputs[0] == node);

    /// <summary>The suffix of the local holding the weights (the whole result in PyTorch).</summary>
    public const string Suffix = "weights";
}
