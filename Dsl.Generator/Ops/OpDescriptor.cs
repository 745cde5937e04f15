using System;
using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>What an op's argument reader built from one DSL call: the op and the nodes it reads, in order.</summary>
internal sealed record OpRead(Op Op, IReadOnlyList<NodeRef> Inputs)
{
    public OpRead(Op op, params NodeRef[] inputs)
        : this(op, (IReadOnlyList<NodeRef>)inputs)
    {
    }

    /// <summary>
    /// For a call that returns <c>Node[]</c> (<c>Split</c>, <c>Chunk</c>): one op per piece, each reading
    /// <see cref="Inputs"/>; <see cref="Op"/> is the first. Null for a call that returns one node.
    /// </summary>
    public IReadOnlyList<Op>? PieceOps { get; init; }

    /// <summary>The read of a call that returns one node per op of <paramref name="pieces"/> (at least one).</summary>
    public static OpRead Pieces(IReadOnlyList<Op> pieces, params NodeRef[] inputs) => new(pieces[0], inputs) { PieceOps = pieces };
}

/// <summary>Reads and validates the arguments of one DSL call (an op's <c>*Arguments.cs</c>, the only op file that sees Roslyn types).</summary>
internal delegate OpRead OpReader(Call call);

/// <summary>
/// One surface method of Dsl.Runtime that produces the op (<c>Node.Conv2d</c>, <c>Node.op_Addition</c>), and its
/// argument reader. A structural entry has no reader: the parser's graph calls build the node themselves
/// (<c>g.Input</c>, <c>SubModel.Apply</c>), because it also registers an input or a submodel.
/// </summary>
internal sealed record SurfaceEntry(string Type, string Method, OpReader? Reader)
{
    public bool IsStructural => Reader is null;

    public static SurfaceEntry Node(string method, OpReader reader) => new("Node", method, reader);

    public static SurfaceEntry Structural(string type, string method) => new(type, method, null);
}

/// <summary>The documentation of an op in <c>docs/layers.md</c> (generated from the catalogue, checked by a test).</summary>
/// <param name="Signature">The DSL call(s), as a user writes them.</param>
/// <param name="Shape">The shape rule in one or two sentences.</param>
/// <param name="PyTorch">The PyTorch equivalent (Markdown, code in backticks).</param>
/// <param name="Keras">The Keras equivalent (Markdown, code in backticks).</param>
internal sealed record OpDoc(string Signature, string Shape, string PyTorch, string Keras);

/// <summary>
/// Everything the generator knows about one op, in one place (<c>Ops/&lt;Op&gt;/</c>), registered once in
/// <see cref="OpCatalogue"/>: the IR record (<see cref="OpType"/>), the surface methods and their argument
/// readers (parsing), the shape rule (which also counts parameters), the parameter-count formula, the TorchSharp
/// emitter, and the slots of the PyTorch and ONNX emitters. A test fails when a registered op lacks a part.
/// </summary>
internal abstract class OpDescriptor
{
    /// <summary>The IR record of the op (<c>ConvOp</c>).</summary>
    public abstract Type OpType { get; }

    /// <summary>The heading of the op in docs/layers.md.</summary>
    public abstract string Name { get; }

    /// <summary>The Dsl.Runtime methods that produce the op, each with its argument reader.</summary>
    public abstract IReadOnlyList<SurfaceEntry> Surface { get; }

    /// <summary>The shape rule: from the input types to the node's type and parameter counts.</summary>
    public abstract IShapeRule Shape { get; }

    /// <summary>The multiply-accumulate text of an op that does only element-wise work or moves data (the default).</summary>
    public const string NotCounted = "0 (element-wise or data movement; not counted)";

    /// <summary>The parameter count as a formula of the op's arguments and input sizes; "0" (the default) for ops without parameters.</summary>
    public virtual string Parameters => "0";

    /// <summary>
    /// The multiply-accumulates of one forward pass per sample as a formula, as <c>ModelInfo</c> and the summary
    /// report them; <see cref="NotCounted"/> (the default) where only element-wise work is done or data moved.
    /// </summary>
    public virtual string MultiplyAccumulates => NotCounted;

    /// <summary>The TorchSharp code: field type and construction of a layer, the forward expression of every node.</summary>
    public abstract ITorchSharpEmitter TorchSharp { get; }

    /// <summary>
    /// The PyTorch source of the op (its <c>Ops/&lt;Op&gt;/*PyTorch.cs</c>): the <c>nn</c> module of a layer and the
    /// forward expression. Null only for an op added before its PyTorch emitter: OpCatalogueTests fail, and a model
    /// using it gets a <c>PyTorchSource</c> that raises, naming the op.
    /// </summary>
    public virtual IPyTorchEmitter? PyTorch => null;

    /// <summary>
    /// The ONNX nodes of the op (<c>Ops/&lt;Op&gt;/&lt;Op&gt;Onnx.cs</c>, an <see cref="OnnxEmitter{TOp}"/>); null only for an
    /// op whose emitter is still missing (OpCatalogueTests fail then, and the model's ONNX graph throws saying so).
    /// </summary>
    public virtual IOnnxEmitter? Onnx => null;

    /// <summary>Representative ops, as the surface builds them (tests check each part against them).</summary>
    public abstract IReadOnlyList<Op> Examples { get; }

    public abstract OpDoc Doc { get; }

    // The facts below are what the checks outside this folder ask about an op (losses, fixes, upstream warnings):
    // they ask the op's descriptor instead of testing its record's type. Each has a default that fits most ops, which
    // OpDescriptor<TOp> implements; a descriptor overrides the typed hook (ValuesOf, LayoutOf, ...) where its op differs.

    /// <summary>What <paramref name="op"/>'s output values lie in (read by <see cref="Shapes.Losses.ValueRanges"/>); default: not known.</summary>
    public abstract ValueFlow Values(Op op);

    /// <summary>Where <paramref name="op"/> writes its features or classes (read by <see cref="Shapes.Losses.ClassAxes"/>); default: <see cref="FeatureLayout.NotKnown"/>.</summary>
    public abstract FeatureLayout Layout(Op op);

    /// <summary>
    /// The role of each axis of <paramref name="op"/>'s output after the batch (<see cref="Model.AxisRole"/>), from its
    /// inputs' roles; empty where not known. Default: read from <see cref="Layout"/> by <see cref="AxisRoles.FromLayout"/>
    /// (features last, channels first, kept, moved with the axes, agreed by the operands).
    /// </summary>
    public abstract Model.AxisRole[] Roles(Op op, IReadOnlyList<Model.TensorType> inputs, Model.TensorType output);

    /// <summary>
    /// True where <paramref name="op"/> turns logits into probabilities or log-probabilities (Softmax, LogSoftmax, Sigmoid):
    /// a loss that applies its own softmax expects the logits before it (DSL0901). Default: false.
    /// </summary>
    public abstract bool SquashesLogits(Op op);

    /// <summary>True where <paramref name="op"/>'s output is a similarity (larger means closer), which a distance-based loss misreads. Default: false.</summary>
    public abstract bool IsSimilarity(Op op);

    /// <summary>
    /// Where <paramref name="op"/>'s output concatenates a forward and a backward pass over the sequence on its last axis:
    /// the size of each half (DSL0904 warns when one step of it is taken). Default: null.
    /// </summary>
    public abstract int? BidirectionalHalf(Op op);

    /// <summary>
    /// <paramref name="op"/> with <c>Padding.Same</c> where it shrinks the feature map through valid padding that Same would keep
    /// (the fix PaddingSameFix offers for operands that disagree); null where there is nothing to pad. Default: null.
    /// </summary>
    public abstract Op? WithSamePadding(Op op);

    /// <summary>
    /// True where <paramref name="op"/> may combine a batch-of-one operand (a <c>g.Parameter</c>, a constant) with batched
    /// ones by broadcasting (read by <see cref="Shapes.Broadcast"/>); any other op that mixes them is DSL0007. Default: false.
    /// </summary>
    public abstract bool BroadcastsBatch(Op op);

    /// <summary>
    /// True where <paramref name="op"/> computes over the samples of its input's batch (a batch mean, a similarity of two
    /// batches, a batch norm's statistics): a batch of one is DSL0010 (read by <see cref="Shapes.BatchLevel"/>). Default: false.
    /// </summary>
    public abstract bool ComputesOverBatch(Op op);

    /// <summary>
    /// True for an op whose layer is one learned tensor (<c>g.Parameter</c>): the module registers it as a parameter, not a
    /// submodule, and the layer-initialization pass leaves it alone (its <c>init:</c> is applied where it is made). Default: false.
    /// </summary>
    public virtual bool IsLearnedTensor => false;

    /// <summary>
    /// Where <paramref name="op"/> computes when a model trains with bf16-mixed precision (the generated mixed forward casts
    /// its inputs there, as autocast would at run time). Default: <see cref="ComputePrecision.Float32"/> for an op with
    /// parameters (its module holds float32 weights), <see cref="ComputePrecision.AsInput"/> for one without (element-wise
    /// work and data movement run in the dtype they are given); convolutions, linear layers and matmul override it with
    /// <see cref="ComputePrecision.Bfloat16"/>, reductions, normalisations and softmax with Float32.
    /// </summary>
    public virtual ComputePrecision MixedPrecision(Op op) => Parameters == "0" ? ComputePrecision.AsInput : ComputePrecision.Float32;
}

/// <summary>Where an op computes under bf16-mixed precision (<see cref="OpDescriptor.MixedPrecision"/>).</summary>
internal enum ComputePrecision
{
    /// <summary>In the dtype of its inputs; float32 when float32 and bfloat16 inputs meet.</summary>
    AsInput,

    /// <summary>In float32: bfloat16 inputs are cast up (reductions, normalisation statistics, softmax, layers with float32-only kernels).</summary>
    Float32,

    /// <summary>In bfloat16: float inputs and the layer's weights are cast down; the float32 weights stay the master copy.</summary>
    Bfloat16,
}

/// <summary>Base of the descriptors: the IR record is <typeparamref name="TOp"/>.</summary>
internal abstract class OpDescriptor<TOp> : OpDescriptor
    where TOp : Op
{
    public override Type OpType => typeof(TOp);

    public sealed override ValueFlow Values(Op op) => ValuesOf((TOp)op);

    public sealed override FeatureLayout Layout(Op op) => LayoutOf((TOp)op);

    public sealed override bool SquashesLogits(Op op) => SquashesLogitsOf((TOp)op);

    public sealed override Model.AxisRole[] Roles(Op op, IReadOnlyList<Model.TensorType> inputs, Model.TensorType output) => RolesOf((TOp)op, inputs, output);

    public sealed override bool IsSimilarity(Op op) => IsSimilarityOf((TOp)op);

    public sealed override int? BidirectionalHalf(Op op) => BidirectionalHalfOf((TOp)op);

    public sealed override Op? WithSamePadding(Op op) => WithSamePaddingOf((TOp)op);

    public sealed override bool BroadcastsBatch(Op op) => BroadcastsBatchOf((TOp)op);

    public sealed override bool ComputesOverBatch(Op op) => ComputesOverBatchOf((TOp)op);

    protected virtual ValueFlow ValuesOf(TOp op) => ValueFlow.Unknown;

    protected virtual FeatureLayout LayoutOf(TOp op) => FeatureLayout.NotKnown;

    protected virtual bool SquashesLogitsOf(TOp op) => false;

    protected virtual Model.AxisRole[] RolesOf(TOp op, IReadOnlyList<Model.TensorType> inputs, Model.TensorType output) =>
        AxisRoles.FromLayout(LayoutOf(op), inputs, output);

    protected virtual bool IsSimilarityOf(TOp op) => false;

    protected virtual int? BidirectionalHalfOf(TOp op) => null;

    protected virtual TOp? WithSamePaddingOf(TOp op) => null;

    protected virtual bool BroadcastsBatchOf(TOp op) => false;

    protected virtual bool ComputesOverBatchOf(TOp op) => false;
}

/// <summary>
/// The ONNX nodes of one op (its <c>Ops/&lt;Op&gt;/&lt;Op&gt;Onnx.cs</c>, derived from <see cref="OnnxEmitter{TOp}"/>): writes the
/// nodes that compute a node from its inputs' values through <see cref="OnnxScope"/> (which names values, weights and
/// constants) and returns the value(s) holding the result. The model-level part is <see cref="OnnxGraphEmitter"/>.
/// </summary>
internal interface IOnnxEmitter
{
    /// <summary>Writes the nodes of <paramref name="node"/>; returns its result: one value, or a submodel's outputs in order.</summary>
    IReadOnlyList<string> Emit(Dsl.Generator.Model.NodeSpec node, OnnxScope scope);
}
