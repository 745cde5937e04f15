using System.Linq;
using Dsl.Generator.Diagnostics;

namespace Dsl.Generator.Model;

/// <summary>
/// Explicit padding in elements, as resolved from <see cref="PaddingSpec"/> for one layer: before and after each
/// spatial axis, in the input's order (N-dimensional; <see cref="Top"/> .. <see cref="Right"/> name the last two).
/// </summary>
internal sealed record PaddingPlan(EquatableArray<int> Before, EquatableArray<int> After)
{
    /// <summary>No padding on either axis of a 2-D window.</summary>
    public static readonly PaddingPlan None = Zero(2);

    /// <summary>The plan of a 2-D window: rows (top / bottom), then columns (left / right).</summary>
    public PaddingPlan(int top, int bottom, int left, int right)
        : this(EquatableArray.Create(top, left), EquatableArray.Create(bottom, right))
    {
    }

    /// <summary>The number of spatial axes.</summary>
    public int Rank => Before.Count;

    /// <summary>Before the first spatial axis (rows of a 2-D window).</summary>
    public int Top => Before[Rank - 2];

    public int Bottom => After[Rank - 2];

    /// <summary>Before the last spatial axis (columns of a 2-D window).</summary>
    public int Left => Before[Rank - 1];

    public int Right => After[Rank - 1];

    public bool IsSymmetric => Before.Equals(After);

    public bool IsZero => Before.All(p => p == 0) && After.All(p => p == 0);

    /// <summary>No padding on any of <paramref name="rank"/> spatial axes.</summary>
    public static PaddingPlan Zero(int rank) => new(Enumerable.Repeat(0, rank).ToEquatableArray(), Enumerable.Repeat(0, rank).ToEquatableArray());
}

/// <summary>What shape inference concluded about one node.</summary>
/// <param name="Type">The output type, or null when inference failed at or before this node.</param>
/// <param name="TrainableParameters">Parameters the node owns that train.</param>
/// <param name="NonTrainableParameters">Buffers counted as Keras counts them (BatchNorm running mean and variance).</param>
/// <param name="Padding">For convolution and pooling: the explicit padding the declared mode resolves to.</param>
/// <param name="Macs">Multiply-accumulates per sample of one forward pass (convolutions, dense layers and the
/// submodels applied; element-wise work is not counted), or null where a symbolic size makes them unknown.</param>
internal sealed record NodeAnalysis(TensorType? Type, long TrainableParameters, long NonTrainableParameters, PaddingPlan? Padding, long? Macs = 0);

/// <summary>What shape inference concluded about one loss term: the target tensor a batch must provide (null for terms without one).</summary>
/// <param name="Target">The target column's type, or null.</param>
/// <param name="ClassAxis">For cross entropy and NLL: the prediction's class axis, counted with the batch (1 for [B, C, ...], 2 for [B, T, C]).</param>
/// <param name="Mask">The mask column's type (<see cref="AnalyzedModel.MaskType"/> unless per position), or null without a mask.</param>
/// <param name="ReadsClasses">True where the term reads class scores on <paramref name="ClassAxis"/> and the prediction fits its target: that axis then has the Class role (<c>Shapes.AxisRoles.MarkClasses</c>).</param>
internal sealed record LossAnalysis(TensorType? Target, int ClassAxis = 1, TensorType? Mask = null, bool ReadsClasses = false);

/// <summary>A model after shape inference: the IR plus one <see cref="NodeAnalysis"/> per node and one <see cref="LossAnalysis"/> per loss term, and the diagnostics found.</summary>
internal sealed record AnalyzedModel(
    ModelSpec Spec,
    EquatableArray<NodeAnalysis> Nodes,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<LossAnalysis> Losses = default,
    EquatableArray<ResolvedUse> Uses = default)
{
    /// <summary>True when the model can be emitted: complete, and no error was found.</summary>
    public bool CanEmit => Spec.IsComplete && Nodes.All(n => n.Type is not null) &&
        !Diagnostics.Any(d => Descriptors.Get(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

    public TensorType TypeOf(int node) => Nodes[node].Type!;

    /// <summary>The inferred type of a node, or null where inference failed or did not run (a model with errors).</summary>
    public TensorType? InferredTypeOf(int node) => node >= 0 && node < Nodes.Count ? Nodes[node].Type : null;

    /// <summary>The shape of every mask: one weight per sample.</summary>
    public static TensorType MaskType { get; } = new(EquatableArray<DimExpr>.Empty);
}
