using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// The op catalogue: every op, registered once. The parser finds argument readers here, shape inference the
/// rules, the emitters the TorchSharp, PyTorch and ONNX code, the loss checks and fixes the op's facts
/// (<see cref="OpDescriptor.Values"/>, <see cref="OpDescriptor.Layout"/>, ...), and docs/layers.md its text.
/// OpCatalogueTests fail when a part is missing, OpCoverageTests when an op has no test file or runs in no parity
/// model. Adding an op: the README's "Adding an op" walks through one (a trivial op is one file here, as
/// <c>Ops/Flip/Flip.cs</c>; a larger one splits the same parts into files, as <c>Ops/Conv/</c>), then one line in
/// <see cref="All"/> and <c>DSL_ACCEPT_DOCS=1</c> to regenerate docs/layers.md.
/// </summary>
internal static class OpCatalogue
{
    /// <summary>Every op, in the order of docs/layers.md.</summary>
    public static readonly IReadOnlyList<OpDescriptor> All = new OpDescriptor[]
    {
        new InputDescriptor(),
        new ConvDescriptor(),
        new LinearDescriptor(),
        new EmbeddingDescriptor(),
        new RecurrentDescriptor(),
        new FinalStateDescriptor(),
        new MultiheadAttentionDescriptor(),
        new AttentionWeightsDescriptor(),
        new BatchNormDescriptor(),
        new LayerNormDescriptor(),
        new GroupNormDescriptor(),
        new PoolDescriptor(),
        new GlobalPoolDescriptor(),
        new AdaptiveAvgPool2dDescriptor(),
        new UpSample2dDescriptor(),
        new ZeroPad2dDescriptor(),
        new ConstantPadDescriptor(),
        new FlattenDescriptor(),
        new UnflattenDescriptor(),
        new NormalizeDescriptor(),
        new ReshapeDescriptor(),
        new FlipDescriptor(),
        new SelectDescriptor(),
        new TransposeDescriptor(),
        new PermuteDescriptor(),
        new ReduceDescriptor(),
        new SliceDescriptor(),
        new SplitDescriptor(),
        new StackDescriptor(),
        new MatMulDescriptor(),
        new ConcatDescriptor(),
        new ActivationDescriptor(),
        new SoftmaxDescriptor(),
        new DropoutDescriptor(),
        new BinaryDescriptor(),
        new ScalarDescriptor(),
        new ClampDescriptor(),
        new RandomNormalLikeDescriptor(),
        new CosineSimilarityDescriptor(),
        new EuclideanDistanceDescriptor(),
        new ApplyDescriptor(),
        new OutputOfDescriptor(),

        // Learned tensors, constants, positions and broadcasting (#24).
        new ParameterDescriptor(),
        new ConstantDescriptor(),
        new PositionsDescriptor(),
        new ExpandDescriptor(),
        new RepeatDescriptor(),

        // Batch-level ops: samples against samples, batch statistics (#25).
        new BatchSimilarityDescriptor(),
        new BatchMeanDescriptor(),
    };

    /// <summary>
    /// Surface methods of Graph that are statements of the graph rather than ops: each is parsed in Parsing by name
    /// (the completeness test needs every public method of Graph, Node and Ops to be an op's surface or listed here).
    /// </summary>
    public static readonly IReadOnlyList<string> GraphStatements = new[] { "Graph.Output", "Graph.Loss", "Graph.Minimize", "Graph.Use", "Graph.Block", "Graph.DefaultInit" };

    private static readonly Dictionary<Type, OpDescriptor> ByOp = All.ToDictionary(d => d.OpType);

    private static readonly Dictionary<(string Type, string Method), OpReader> Readers = BuildReaders();

    /// <summary>The descriptor of <paramref name="op"/>'s record, or null for an unregistered op (a generator bug, reported as such).</summary>
    public static OpDescriptor? For(Op op) => ByOp.TryGetValue(op.GetType(), out var descriptor) ? descriptor : null;

    /// <summary>The argument reader of the surface method <paramref name="type"/>.<paramref name="method"/>, or null.</summary>
    public static OpReader? Reader(string type, string method) => Readers.TryGetValue((type, method), out var reader) ? reader : null;

    private static Dictionary<(string, string), OpReader> BuildReaders()
    {
        var readers = new Dictionary<(string, string), OpReader>();
        foreach (var entry in All.SelectMany(d => d.Surface).Where(e => e.Reader is not null))
        {
            // One method may produce two ops (a + b is Binary on two nodes, Scalar with a number): one reader decides.
            if (readers.TryGetValue((entry.Type, entry.Method), out var existing) && !existing.Equals(entry.Reader))
            {
                throw new InvalidOperationException($"{entry.Type}.{entry.Method} has two different argument readers.");
            }

            readers[(entry.Type, entry.Method)] = entry.Reader!;
        }

        return readers;
    }
}
