using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>
/// Batch-level tensors (<see cref="TensorType.MixesSamples"/>): the values of a sample depend on the other samples of
/// the batch. Two shapes carry the concept, both in the type system the rest of the rules already read: the batch
/// size in a non-batch axis (<see cref="DimExpr.BatchSize"/>, a [B, B] similarity of two batches, whose rows are still
/// the samples) and a batch statistic, a batch of one (<see cref="TensorType.BatchOne"/>) that broadcasts back over
/// the batch as a <c>g.Parameter</c> does. Here: the mark passes from inputs to results, and the ops that compute over
/// their input's samples (their descriptor's <see cref="OpDescriptor.ComputesOverBatch"/>) refuse a batch of one (DSL0010).
/// </summary>
internal static class BatchLevel
{
    /// <summary>The result of a node that reads a batch-level tensor is batch-level too.</summary>
    public static NodeAnalysis Propagate(NodeAnalysis result, IReadOnlyList<TensorType> inputs) =>
        result.Type is { MixesSamples: false } type && inputs.Any(i => i.MixesSamples)
            ? result with { Type = type with { MixesSamples = true } }
            : result;

    /// <summary>
    /// DSL0010 where an op that computes over the samples of its input's batch (a batch mean, a similarity of two
    /// batches, a batch norm's statistics) reads a batch of one: a statistic, a parameter or a constant has no samples.
    /// </summary>
    public static DiagnosticInfo? CheckSamples(ModelSpec spec, NodeSpec node, IReadOnlyList<TensorType> inputs)
    {
        if (OpCatalogue.For(node.Op)?.ComputesOverBatch(node.Op) != true)
        {
            return null;
        }

        int one = inputs.ToList().FindIndex(t => t.BatchOne);
        if (one < 0)
        {
            return null;
        }

        var input = spec.Nodes[node.Inputs[one]];
        return DiagnosticInfo.Create(
            Descriptors.BatchLevelInPerSampleOp,
            spec.ClassName,
            node.Site,
            node.Op.Kind + " '" + node.Name + "'",
            "a batch of samples [B, ...] to compute over",
            input.Name,
            Describe(inputs[one]),
            "apply it to the batched tensor the statistic was computed from, or combine the statistic with the batch by + - * / (it broadcasts)");
    }

    /// <summary>How messages name a batch-level or batch-of-one type: "the batch statistic [1, 8]".</summary>
    public static string Describe(TensorType type) =>
        type.BatchOne
            ? (type.MixesSamples ? "the batch statistic " : "a batch of one ") + type.ShapeText + (type.MixesSamples ? " (one value for the whole batch)" : " (a g.Parameter, a constant or positions)")
            : type.MixesSamples ? "the batch-level tensor " + type.ShapeText : type.ShapeText;
}
