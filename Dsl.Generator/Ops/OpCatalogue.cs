using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// The op catalogue: every op, registered once. The parser finds argument readers here, shape inference the
/// rules, the emitters the TorchSharp code, and docs/layers.md its text. Adding an op is one folder under
/// <c>Ops/</c>, one line here and its surface method in Dsl.Runtime; OpCatalogueTests fail when a part is missing.
/// </summary>
internal static class OpCatalogue
{
    /// <summary>Every op, in the order of docs/layers.md.</summary>
    public static readonly IReadOnlyList<OpDescriptor> All = new OpDescriptor[]
    {
        new InputDescriptor(),
        new Conv2dDescriptor(),
        new LinearDescriptor(),
        new BatchNormDescriptor(),
        new Pool2dDescriptor(),
        new GlobalAvgPool2dDescriptor(),
        new UpSample2dDescriptor(),
        new FlattenDescriptor(),
        new ReshapeDescriptor(),
        new FlipDescriptor(),
        new ConcatDescriptor(),
        new ActivationDescriptor(),
        new SoftmaxDescriptor(),
        new DropoutDescriptor(),
        new BinaryDescriptor(),
        new ScalarDescriptor(),
        new CosineSimilarityDescriptor(),
        new EuclideanDistanceDescriptor(),
        new ApplyDescriptor(),
        new OutputOfDescriptor(),
    };

    /// <summary>
    /// Surface methods of Graph that are statements of the graph rather than ops: each is parsed in Parsing by name
    /// (the completeness test needs every public method of Graph, Node and Ops to be an op's surface or listed here).
    /// </summary>
    public static readonly IReadOnlyList<string> GraphStatements = new[] { "Graph.Output", "Graph.Loss", "Graph.Minimize", "Graph.Use", "Graph.Block" };

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
