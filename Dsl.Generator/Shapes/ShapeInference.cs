using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>
/// Shape inference of one model: walks the nodes in creation order (inputs always come first), applies each
/// op's rule (from the op catalogue, <see cref="Ops.OpCatalogue"/>), then checks the model as a whole (outputs, unused results).
/// A node whose rule fails gets no type and one diagnostic; nodes that depend on it get no type silently.
/// </summary>
internal static class ShapeInference
{
    private static readonly NodeAnalysis Unknown = new(null, 0, 0, null);

    /// <summary>Infers the shapes of <paramref name="spec"/>; <paramref name="uses"/> resolves its <c>g.Use</c> submodels (by index).</summary>
    public static AnalyzedModel Analyze(ModelSpec spec, IReadOnlyList<ResolvedUse>? uses = null, System.Threading.CancellationToken cancellationToken = default)
    {
        uses ??= System.Array.Empty<ResolvedUse>();
        if (!spec.IsComplete && spec.Nodes.Count == 0)
        {
            return new AnalyzedModel(spec, EquatableArray<NodeAnalysis>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var nodes = InferNodes(spec, uses, diagnostics, cancellationToken);
            if (spec.IsComplete)
            {
                // A model with a mistake in its declarations may lack an output or loss it meant to declare.
                CheckOutputs(spec, diagnostics);
            }

            var losses = spec.Losses.Select(loss => AxisRoles.MarkClasses(spec, nodes, loss, Losses.LossRules.Analyze(spec, loss, nodes, diagnostics))).ToEquatableArray();
            Losses.LossRules.CheckSharedMasks(spec, losses, diagnostics);
            diagnostics = Fixes.PaddingSameFix.Attach(spec, uses, diagnostics);
            return new AnalyzedModel(spec, nodes.ToEquatableArray(), diagnostics.ToEquatableArray(), losses, uses.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The generator must never throw: a bug in a rule becomes a diagnostic naming the model.
            var failure = DiagnosticInfo.Create(
                Descriptors.InternalError,
                spec.ClassName,
                spec.ClassSite,
                spec.ClassName,
                "shape inference failed with " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ').Replace('\r', ' '));
            return new AnalyzedModel(spec, EquatableArray<NodeAnalysis>.Empty, EquatableArray.Create(failure));
        }
    }

    /// <summary>Infers every node's type in order; a node after a failed one is unknown.</summary>
    internal static List<NodeAnalysis> InferNodes(ModelSpec spec, IReadOnlyList<ResolvedUse> uses, List<DiagnosticInfo> diagnostics, System.Threading.CancellationToken cancellationToken = default)
    {
        var results = new List<NodeAnalysis>(spec.Nodes.Count);
        foreach (var node in spec.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(InferNode(spec, uses, node, results, diagnostics));
        }

        return results;
    }

    private static NodeAnalysis InferNode(ModelSpec spec, IReadOnlyList<ResolvedUse> uses, NodeSpec node, List<NodeAnalysis> earlier, List<DiagnosticInfo> diagnostics)
    {
        var rule = OpCatalogue.For(node.Op)?.Shape;
        if (rule is null)
        {
            return Internal(spec, node, diagnostics, "no shape rule for op " + node.Op.Kind);
        }

        if (!rule.AcceptsInputCount(node.Inputs.Count))
        {
            return Internal(spec, node, diagnostics, node.Op.Kind + " '" + node.Name + "' was given " + node.Inputs.Count + " inputs");
        }

        var inputs = new List<TensorType>(node.Inputs.Count);
        foreach (int input in node.Inputs)
        {
            if (input < 0 || input >= earlier.Count)
            {
                return Internal(spec, node, diagnostics, node.Op.Kind + " '" + node.Name + "' reads node " + input + ", which is not declared before it");
            }

            var type = earlier[input].Type;
            if (type is null)
            {
                // An input already failed and reported; do not pile a second error on the same mistake.
                return Unknown;
            }

            inputs.Add(type);
        }

        if (!rule.AcceptsIndices && inputs.FindIndex(t => t.DType == DType.Int64) is int index && index >= 0)
        {
            // Token ids (or other indices) fed to a float op: the classic missing Embedding.
            diagnostics.Add(DiagnosticInfo.Create(
                Descriptors.WrongDType,
                spec.ClassName,
                node.Site,
                node.Op.Kind + " '" + node.Name + "'",
                "float32 values",
                inputs[index].TypeText + " (indices)",
                "embed the indices first with .Embedding(numEmbeddings, embeddingDim), or declare the input as float32 if it holds values"));
            return Unknown;
        }

        if ((BatchLevel.CheckSamples(spec, node, inputs) ?? Broadcast.CheckBatches(spec, node, inputs)) is { } mixedBatches)
        {
            diagnostics.Add(mixedBatches);
            return Unknown;
        }

        var result = BatchLevel.Propagate(Broadcast.WithBatch(rule.Infer(new ShapeContext(spec, node, inputs, diagnostics, uses) { Earlier = earlier }) ?? Unknown, inputs), inputs);
        result = AxisRoles.Attach(node, inputs, result);
        result = node.SharedWith >= 0 ? CheckShared(spec, node, inputs, earlier, result, diagnostics) : result;
        return CheckSize(spec, node, result, diagnostics);
    }

    /// <summary>DSL0008 where the node's output (per sample) or its parameters exceed what a process can allocate.</summary>
    private static NodeAnalysis CheckSize(ModelSpec spec, NodeSpec node, NodeAnalysis result, List<DiagnosticInfo> diagnostics)
    {
        if (result.Type is not { } type)
        {
            return result;
        }

        long elements = SizeLimits.ElementsPerSample(type);
        long parameters = SizeLimits.Add(result.TrainableParameters, result.NonTrainableParameters);
        var (what, count) = elements > SizeLimits.MaxElements ? ("output " + type.ShapeText + " (per sample)", elements)
            : parameters > SizeLimits.MaxElements ? ("parameters", parameters)
            : (null, 0L);
        if (what is null)
        {
            return result;
        }

        string label = node.Op.Kind + " '" + node.Name + "'";
        diagnostics.Add(DiagnosticInfo.Create(Descriptors.TensorTooLarge, spec.ClassName, node.Site, label, what, SizeLimits.Count(count), SizeLimits.Float32Size(count)));
        return Unknown;
    }

    /// <summary>
    /// A later application of a shared block reuses the weights of the first (it owns no parameters of its own), so what
    /// the weights depend on must match: the layer's parameter counts and its resolved padding. Sizes the weights do not
    /// depend on (a sequence length, an image size under a convolution with explicit padding) may differ.
    /// </summary>
    private static NodeAnalysis CheckShared(ModelSpec spec, NodeSpec node, List<TensorType> inputs, List<NodeAnalysis> earlier, NodeAnalysis result, List<DiagnosticInfo> diagnostics)
    {
        var owner = spec.Nodes[node.SharedWith];
        var ownerInput = owner.Inputs.Count == 0 ? null : earlier[owner.Inputs[0]].Type;
        var ownerResult = earlier[owner.Id];
        if (ownerInput is null || ownerResult.Type is null || ownerInput.Dims.Equals(inputs[0].Dims) || SameWeights(ownerResult, result))
        {
            return result with { TrainableParameters = 0, NonTrainableParameters = 0 };
        }

        string relevant = WeightAxes(spec, owner, ownerInput, inputs[0], ownerResult);
        diagnostics.Add(DiagnosticInfo.Create(Descriptors.BlockInputMismatch, spec.ClassName, node.Site, owner.Op.Kind, owner.Name, ownerInput.ShapeText, inputs[0].ShapeText, relevant));
        return Unknown;
    }

    private static bool SameWeights(NodeAnalysis a, NodeAnalysis b) =>
        a.TrainableParameters == b.TrainableParameters && a.NonTrainableParameters == b.NonTrainableParameters && Equals(a.Padding, b.Padding);

    /// <summary>
    /// The axes of the input the shared layer's weights depend on, found by giving the first application's input the
    /// other application's size on one axis at a time: "axis 2 (16 at the first application, 32 here)".
    /// </summary>
    private static string WeightAxes(ModelSpec spec, NodeSpec owner, TensorType ownerInput, TensorType input, NodeAnalysis ownerResult)
    {
        if (ownerInput.Rank != input.Rank)
        {
            return "the input's rank (" + ownerInput.Rank + " at the first application, " + input.Rank + " here)";
        }

        var rule = OpCatalogue.For(owner.Op)?.Shape;
        var axes = new List<string>();
        for (int i = 0; i < input.Dims.Count; i++)
        {
            if (ownerInput.Dims[i].Equals(input.Dims[i]))
            {
                continue;
            }

            var changed = ownerInput with { Dims = ownerInput.Dims.Select((d, j) => j == i ? input.Dims[i] : d).ToEquatableArray() };
            var scratch = new List<DiagnosticInfo>();
            var trial = rule?.Infer(new ShapeContext(spec, owner, new[] { changed }, scratch)) ?? Unknown;
            if (trial.Type is null || !SameWeights(trial, ownerResult))
            {
                axes.Add("axis " + (i + 1) + " (" + ownerInput.Dims[i] + " at the first application, " + input.Dims[i] + " here)");
            }
        }

        return axes.Count > 0 ? string.Join(" and ", axes) : "the combination of its input sizes";
    }

    private static NodeAnalysis Internal(ModelSpec spec, NodeSpec node, List<DiagnosticInfo> diagnostics, string problem)
    {
        diagnostics.Add(DiagnosticInfo.Create(Descriptors.InternalError, spec.ClassName, node.Site, spec.ClassName, problem));
        return Unknown;
    }

    /// <summary>
    /// DSL0200 when the model has no outputs; otherwise DSL0900 for every result that reaches no output. To give one
    /// warning per forgotten branch, only the ends of dead chains (nodes nothing reads) are reported.
    /// </summary>
    private static void CheckOutputs(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Outputs.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NoOutputs, spec.ClassName, spec.ClassSite, spec.ClassName));
            return;
        }

        var live = LiveNodes(spec, spec.Outputs.Select(o => o.Node));
        var read = new bool[spec.Nodes.Count];
        foreach (var node in spec.Nodes)
        {
            foreach (int input in node.Inputs)
            {
                if (input >= 0 && input < read.Length)
                {
                    read[input] = true;
                }
            }
        }

        foreach (var node in spec.Nodes)
        {
            if (!live[node.Id] && !read[node.Id])
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnusedNode, spec.ClassName, node.Site, node.Op.Kind, NameOf(node)));
            }
        }
    }

    /// <summary>The nodes some root depends on, found by walking inputs backwards from <paramref name="roots"/>.</summary>
    private static bool[] LiveNodes(ModelSpec spec, IEnumerable<int> roots)
    {
        var live = new bool[spec.Nodes.Count];
        var pending = new Stack<int>(roots.Where(r => r >= 0 && r < live.Length));
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (live[id])
            {
                continue;
            }

            live[id] = true;
            foreach (int input in spec.Nodes[id].Inputs)
            {
                if (input >= 0 && input < live.Length && !live[input])
                {
                    pending.Push(input);
                }
            }
        }

        return live;
    }

    private static string NameOf(NodeSpec node) => node.Op is InputOp input ? input.Name : node.Name;
}
