using System.Collections.Generic;
using System.Linq;

namespace Dsl.Metadata;

/// <summary>
/// What the generator knows about a model, for summaries and plots: its layers in order with output shapes
/// and parameter counts, its inputs and outputs, its loss terms. Every generated model exposes one as
/// <c>static ModelInfo Info</c>; the graph picture is computed from it at run time (<see cref="ModelGraph.ToDot"/>).
/// </summary>
/// <param name="Name">The model's class name.</param>
/// <param name="Inputs">Declared inputs, in order.</param>
/// <param name="Outputs">Declared outputs (<c>g.Output</c>), in order; a tensor only a loss reads is not one.</param>
/// <param name="Layers">Every node of the graph in execution order (inputs first).</param>
public sealed record ModelInfo(
    string Name,
    IReadOnlyList<TensorInfo> Inputs,
    IReadOnlyList<TensorInfo> Outputs,
    IReadOnlyList<LayerInfo> Layers)
{
    /// <summary>Parameters an optimizer updates (shared parts counted once, frozen parts excluded).</summary>
    public long TrainableParameters => Layers.Sum(l => l.TrainableParameters);

    /// <summary>Frozen parameters and buffers (BatchNorm running statistics), counted as Keras does.</summary>
    public long NonTrainableParameters => Layers.Sum(l => l.NonTrainableParameters);

    /// <summary>All parameters and counted buffers.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>
    /// The graph as Graphviz DOT text: computed from the layer table and the loss terms on each
    /// read (<see cref="ModelGraph.ToDot"/>), so the generated code carries no copy of it.
    /// </summary>
    public string Dot => this.ToDot();

    /// <summary>
    /// Multiply-accumulates of one forward pass per sample (convolutions, dense layers, applied submodels), or null
    /// when a symbolic size makes them unknown.
    /// </summary>
    public long? ForwardMultiplyAccumulates => Layers.Any(l => l.MultiplyAccumulates is null) ? null : Layers.Sum(l => l.MultiplyAccumulates!.Value);

    /// <summary>
    /// An estimate of the floating-point operations of one training step per sample: 2 per multiply-accumulate
    /// for the forward pass and twice that for the backward pass (6 x <see cref="ForwardMultiplyAccumulates"/>).
    /// </summary>
    public long? TrainingFlopsPerSample => ForwardMultiplyAccumulates * 6;

    /// <summary>The declared loss terms, in order (empty for a model without losses).</summary>
    public IReadOnlyList<LossInfo> Losses { get; init; } = System.Array.Empty<LossInfo>();

    /// <summary>The target tensors a batch must provide for the losses (including masks).</summary>
    public IReadOnlyList<TensorInfo> Targets { get; init; } = System.Array.Empty<TensorInfo>();
}

/// <summary>One declared loss term.</summary>
/// <param name="Name">The term's name: the target's name for supervised terms, the given name for <c>Minimize</c>.</param>
/// <param name="Kind">The loss function (<c>CrossEntropy</c>, <c>Mse</c>, <c>Minimize</c>, ...).</param>
/// <param name="Weight">Its weight in the total.</param>
/// <param name="Prediction">The declared output the term reads; for a <c>Minimize</c> over a node that is not an output, that node's layer name.</param>
/// <param name="Target">The target column's name, or null for self-supervised and target-free terms.</param>
/// <param name="Mask">The per-sample mask column's name, or null.</param>
/// <param name="IsClassification">True for cross entropy or NLL on class indices: the trainer reports accuracy for it.</param>
public sealed record LossInfo(string Name, string Kind, double Weight, string Prediction, string? Target, string? Mask, bool IsClassification)
{
    /// <summary>The layer (<see cref="LayerInfo.Name"/>) whose tensor the term reads as its prediction; null when not recorded.</summary>
    public string? PredictionNode { get; init; }

    /// <summary>
    /// The layer a self-supervised term compares with (<c>Loss.Mse(target: image)</c>: the input <c>image</c>); null for a
    /// term with a target column or none.
    /// </summary>
    public string? TargetNode { get; init; }

    /// <summary>For a classification term: the prediction's class axis, counted with the batch (1 for [B, C, ...], 2 for a sequence [B, T, C]).</summary>
    public int ClassDim { get; init; } = 1;

    /// <summary>For a classification term: the class index its targets may hold to be left out (<c>ignoreIndex:</c>), or null.</summary>
    public long? IgnoreIndex { get; init; }
}

/// <summary>A named tensor of a model's interface.</summary>
/// <param name="Name">The record member's name as declared (<c>image</c>).</param>
/// <param name="Shape">The static shape, batch first (<c>[B, 1, 28, 28]</c>).</param>
/// <param name="DType">The element type (<c>float32</c>, <c>int64</c>).</param>
public sealed record TensorInfo(string Name, string Shape, string DType)
{
    /// <summary>For an output: the layer (<see cref="LayerInfo.Name"/>) that produces it; null for inputs and targets.</summary>
    public string? Node { get; init; }
}

/// <summary>One node of a model's graph.</summary>
/// <param name="Name">Field / state-dict name for layers with parameters, a generated name otherwise.</param>
/// <param name="Kind">The operation (<c>Conv2d</c>, <c>Relu</c>, <c>Input</c>, ...).</param>
/// <param name="OutputShape">The inferred output shape (<c>[B, 32, 26, 26]</c>).</param>
/// <param name="TrainableParameters">Parameters this node owns that are trained.</param>
/// <param name="NonTrainableParameters">Frozen parameters and counted buffers this node owns.</param>
/// <param name="Inputs">Names of the nodes it reads.</param>
public sealed record LayerInfo(
    string Name,
    string Kind,
    string OutputShape,
    long TrainableParameters,
    long NonTrainableParameters,
    IReadOnlyList<string> Inputs)
{
    /// <summary>Multiply-accumulates of this node per sample in one forward pass (0 for element-wise work, which is not counted; null when a symbolic size makes them unknown).</summary>
    public long? MultiplyAccumulates { get; init; } = 0;

    /// <summary>
    /// The node whose weights this one reuses, or null: a later application of a submodel names its first application,
    /// a layer of a shared block's later application names the layer it reuses. It owns no parameters of its own.
    /// </summary>
    public string? SharedWith { get; init; }

    /// <summary>True for an application of a frozen submodel: its parameters do not train and it runs in eval mode.</summary>
    public bool Frozen { get; init; }
}
