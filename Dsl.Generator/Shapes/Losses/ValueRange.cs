using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

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

/// <summary>Follows a node back through shape-only ops to what decides its value range.</summary>
internal static class ValueRanges
{
    /// <summary>The range of <paramref name="node"/>'s values and the node that decides it.</summary>
    public static (ValueRange Range, NodeSpec Source) Of(ModelSpec spec, int node)
    {
        var n = spec.Nodes[node];
        switch (n.Op)
        {
            case ActivationOp { Activation: ActivationKind.Sigmoid }:
            case SoftmaxOp { Log: false }:
                return (ValueRange.Probability, n);
            case FlattenOp or ReshapeOp or FlipOp or UpSample2dOp or GlobalPoolOp or PoolOp or ZeroPad2dOp or AdaptiveAvgPool2dOp:
                return Of(spec, n.Inputs[0]);
            case ScalarOp { Operator: BinaryKind.Subtract, ScalarOnLeft: true, Scalar: 1 }:
            case ScalarOp { Operator: BinaryKind.Multiply, Scalar: >= 0 and <= 1 }:
                var inner = Of(spec, n.Inputs[0]);
                return inner.Range == ValueRange.Probability ? (ValueRange.Probability, n) : (inner.Range, inner.Source);
            case LinearOp or ConvOp or BatchNormOp or LayerNormOp or GroupNormOp or BinaryOp or ScalarOp or ActivationOp or SoftmaxOp or EuclideanDistanceOp or CosineSimilarityOp:
                return (ValueRange.Unbounded, n);
            default:
                return (ValueRange.Unknown, n);
        }
    }
}
