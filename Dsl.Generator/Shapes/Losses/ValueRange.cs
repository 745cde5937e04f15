using Dsl.Generator.Model;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>What the values of a node are known to lie in, as far as the losses that need it ask.</summary>
internal enum ValueRange
{
    /// <summary>Within [0, 1]: a Sigmoid or Softmax, possibly reshaped, pooled or turned into 1 - p.</summary>
    Probability,

    /// <summary>Not bounded to [0, 1]: a dense or convolution layer, a normalization, a sum, any other function.</summary>
    Unbounded,

    /// <summary>Not known: an input, dropout (which scales by 1 / (1 - p) while training), a submodel's output.</summary>
    Unknown,
}

/// <summary>Follows a node back through shape-only ops to what decides its value range (each op's <see cref="OpDescriptor.Values"/>).</summary>
internal static class ValueRanges
{
    /// <summary>The range of <paramref name="node"/>'s values and the node that decides it.</summary>
    public static (ValueRange Range, NodeSpec Source) Of(ModelSpec spec, int node)
    {
        var n = spec.Nodes[node];
        switch (OpCatalogue.For(n.Op)?.Values(n.Op) ?? ValueFlow.Unknown)
        {
            case ValueFlow.Probability:
                return (ValueRange.Probability, n);
            case ValueFlow.Unbounded:
                return (ValueRange.Unbounded, n);
            case ValueFlow.FromInput when n.Inputs.Count > 0:
                return Of(spec, n.Inputs[0]);
            case ValueFlow.KeepsProbability when n.Inputs.Count > 0:
                var inner = Of(spec, n.Inputs[0]);
                return inner.Range == ValueRange.Probability ? (ValueRange.Probability, n) : (inner.Range, inner.Source);
            default:
                return (ValueRange.Unknown, n);
        }
    }
}
