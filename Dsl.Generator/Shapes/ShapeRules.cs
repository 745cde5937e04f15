using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Shapes;

/// <summary>The registry: which rule infers the shape of each op (one rule per op, in <c>Shapes/Rules/</c>).</summary>
internal static class ShapeRules
{
    private static readonly InputRule Input = new();
    private static readonly Conv2dRule Conv2d = new();
    private static readonly LinearRule Linear = new();
    private static readonly BatchNormRule BatchNorm = new();
    private static readonly Pool2dRule Pool2d = new();
    private static readonly GlobalAvgPool2dRule GlobalAvgPool2d = new();
    private static readonly UpSample2dRule UpSample2d = new();
    private static readonly FlattenRule Flatten = new();
    private static readonly ReshapeRule Reshape = new();
    private static readonly FlipRule Flip = new();
    private static readonly ConcatRule Concat = new();
    private static readonly ActivationRule Activation = new();
    private static readonly SoftmaxRule Softmax = new();
    private static readonly DropoutRule Dropout = new();
    private static readonly BinaryRule Binary = new();
    private static readonly ScalarRule Scalar = new();
    private static readonly CosineSimilarityRule CosineSimilarity = new();
    private static readonly EuclideanDistanceRule EuclideanDistance = new();
    private static readonly ApplyRule Apply = new();
    private static readonly OutputOfRule OutputOf = new();

    /// <summary>The rule for <paramref name="op"/>, or null for an op no rule knows (a generator bug, reported as such).</summary>
    public static IShapeRule? For(Op op) => op switch
    {
        InputOp => Input,
        Conv2dOp => Conv2d,
        LinearOp => Linear,
        BatchNormOp => BatchNorm,
        Pool2dOp => Pool2d,
        GlobalAvgPool2dOp => GlobalAvgPool2d,
        UpSample2dOp => UpSample2d,
        FlattenOp => Flatten,
        ReshapeOp => Reshape,
        FlipOp => Flip,
        ConcatOp => Concat,
        ActivationOp => Activation,
        SoftmaxOp => Softmax,
        DropoutOp => Dropout,
        BinaryOp => Binary,
        ScalarOp => Scalar,
        CosineSimilarityOp => CosineSimilarity,
        EuclideanDistanceOp => EuclideanDistance,
        ApplyOp => Apply,
        OutputOfOp => OutputOf,
        _ => null,
    };
}
