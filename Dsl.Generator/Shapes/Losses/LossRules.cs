using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Losses;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>
/// The shape rules of loss terms: what target each loss needs given its prediction, and the checks that the two can
/// be compared. Each loss's own rule is its catalogue entry's <see cref="LossDescriptor.Check"/> (Losses/&lt;Loss&gt;/);
/// here is what they share (<see cref="LossCheck"/>): a float prediction; an element-wise target of the prediction's
/// type, or a node of that type a self-supervised loss compares with; class indices (int64) of the prediction's shape
/// without the class axis ([B] for [B, C], [B, H, W] for a segmentation map [B, C, H, W], [B, T] for a sequence
/// [B, T, V]), the axis stated with <c>classDim:</c> or read from the layout (<see cref="ClassAxes"/>); and a mask of
/// [B] or, per position, the shape of the per-sample loss, one shape per mask column.
/// </summary>
internal static class LossRules
{
    /// <summary>The checks every term shares (a prediction of float values), then the loss's own sanity rule (<see cref="LossDescriptor.Check"/>).</summary>
    public static LossAnalysis Analyze(ModelSpec spec, LossSpec loss, IReadOnlyList<NodeAnalysis> nodes, List<DiagnosticInfo> diagnostics)
    {
        var prediction = nodes[loss.Prediction].Type;
        if (prediction is null)
        {
            return new LossAnalysis(null);
        }

        var check = new LossCheck(spec, loss, nodes, prediction, diagnostics);
        if (prediction.DType == DType.Int64)
        {
            // Indices are not scores: every loss (and Minimize's mean) computes on float values.
            check.Report(Descriptors.WrongDType, loss.Site, "Loss '" + loss.Name + "'", "a float32 prediction", "'" + check.PredictionName + "' " + prediction.TypeText + " (indices)", "compute the prediction from the indices, e.g. through .Embedding(numEmbeddings, embeddingDim) and a head");
            return new LossAnalysis(null);
        }

        var analysis = loss.Kind.Check(check);
        if (prediction.BatchOne && (analysis.Target is not null || analysis.Mask is not null))
        {
            // One row for the whole batch against a target or mask column with a row per sample: the comparison is wrong.
            check.Report(Descriptors.BatchLevelInPerSampleOp, loss.Site, "Loss '" + loss.Name + "'", "a prediction per sample to compare with its " + (analysis.Target is not null ? "target" : "mask") + " column",
                check.PredictionName, BatchLevel.Describe(prediction), "a batch statistic is a target-free term: g.Minimize(name, statistic)");
            return new LossAnalysis(null);
        }

        return analysis;
    }

    /// <summary>
    /// A mask several terms share must have one shape: DSL0007 at the <c>MaskedBy</c> of a term that gives it another.
    /// </summary>
    public static void CheckSharedMasks(ModelSpec spec, IReadOnlyList<LossAnalysis> analyses, List<DiagnosticInfo> diagnostics)
    {
        var first = new Dictionary<string, (LossSpec Loss, TensorType Type)>(System.StringComparer.Ordinal);
        for (int i = 0; i < spec.Losses.Count && i < analyses.Count; i++)
        {
            var loss = spec.Losses[i];
            if (loss.Mask is null || analyses[i].Mask is not { } type)
            {
                continue;
            }

            if (!first.TryGetValue(loss.Mask, out var earlier))
            {
                first[loss.Mask] = (loss, type);
            }
            else if (!earlier.Type.Dims.Equals(type.Dims))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidArgument, spec.ClassName, MaskSiteOf(loss), "MaskedBy",
                    "the mask '" + loss.Mask + "' is " + type.ShapeText + " for loss '" + loss.Name + "' but " + earlier.Type.ShapeText + " for loss '" + earlier.Loss.Name + "'; give each shape its own mask column"));
            }
        }
    }

    internal static int MaskSiteOf(LossSpec loss) => loss.MaskSite >= 0 ? loss.MaskSite : loss.Site;
}

/// <summary>
/// What a loss's sanity rule (<see cref="LossDescriptor.Check"/>) works with: the term, its prediction, reporting, and
/// the rules the losses share: an element-wise target of the prediction's shape, a class-index target with its class
/// axis stated or read from the layout (<see cref="ClassAxes"/>), and the mask's shape.
/// </summary>
internal sealed class LossCheck
{
    private readonly IReadOnlyList<NodeAnalysis> nodes;
    private readonly List<DiagnosticInfo> diagnostics;

    public LossCheck(ModelSpec spec, LossSpec loss, IReadOnlyList<NodeAnalysis> nodes, TensorType prediction, List<DiagnosticInfo> diagnostics)
    {
        Spec = spec;
        Loss = loss;
        this.nodes = nodes;
        Prediction = prediction;
        this.diagnostics = diagnostics;
        PredictionName = NameOf(spec, loss.Prediction);
    }

    public ModelSpec Spec { get; }

    public LossSpec Loss { get; }

    /// <summary>The prediction's inferred type (float32).</summary>
    public TensorType Prediction { get; }

    /// <summary>The prediction as users named it: a declared output's name, an input's, else the node's.</summary>
    public string PredictionName { get; }

    /// <summary>The op computing the prediction.</summary>
    public Op PredictionOp => Spec.Nodes[Loss.Prediction].Op;

    /// <summary>True where the prediction is a similarity (1 for the same direction) rather than a distance: its op's descriptor says so.</summary>
    public bool PredictionIsSimilarity => OpCatalogue.For(PredictionOp)?.IsSimilarity(PredictionOp) == true;

    /// <summary>True where the term compares with a node of the graph (<c>target: node</c>).</summary>
    public bool ComparesWithNode => Loss.TargetNode >= 0;

    public void Report(DiagnosticDescriptor descriptor, int site, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, Spec.ClassName, site, args));

    /// <summary>What the prediction's values can be, and the node that decides it (<see cref="ValueRanges"/>).</summary>
    public (ValueRange Range, NodeSpec Source) ValueRange => ValueRanges.Of(Spec, Loss.Prediction);

    /// <summary>
    /// An element-wise loss: a target column of the prediction's type; a node compared with must have that type
    /// (DSL0203 otherwise); a constant needs no column. A mask is [B] or, per position, the prediction's shape.
    /// </summary>
    public LossAnalysis Elementwise()
    {
        var mask = Mask(0);
        if (Loss.TargetNode >= 0)
        {
            var target = nodes[Loss.TargetNode].Type;
            if (target is not null && (!target.Dims.Equals(Prediction.Dims) || target.DType != Prediction.DType))
            {
                bool dtypes = target.DType != Prediction.DType;
                Report(Descriptors.TargetShapeMismatch, Loss.Site, Loss.Name, Loss.KindName, NameOf(Spec, Loss.TargetNode), dtypes ? target.TypeText : target.ShapeText, PredictionName, dtypes ? Prediction.TypeText : Prediction.ShapeText);
            }

            return new LossAnalysis(null, Mask: mask);
        }

        return new LossAnalysis(Loss.ConstantTarget is null ? Prediction : null, Mask: mask);
    }

    /// <summary>A term without target (<c>Minimize</c>): a mask only.</summary>
    public LossAnalysis WithoutTarget() => new(null, Mask: Mask(0));

    /// <summary>
    /// A loss over the [B, B] scores of two batches (InfoNce, InBatchTriplet): row i is sample i against every sample of
    /// the other batch, the match on the diagonal; another shape is DSL0213. No target; a mask is one weight per sample.
    /// </summary>
    public LossAnalysis BatchMatrix()
    {
        var dims = Prediction.Dims;
        if (Prediction.BatchOne || dims.Count != 1 || !dims[0].Equals(DimExpr.BatchSize))
        {
            Report(Descriptors.NotBatchLogits, Loss.Site, Loss.Name, Loss.KindName, PredictionName, Prediction.ShapeText);
            return new LossAnalysis(null);
        }

        return WithoutTarget();
    }

    /// <summary>
    /// Cross entropy (class indices or soft) and NLL: the class axis stated or read from the prediction's layout
    /// (<see cref="ClassAxes"/>), the target it gives (class indices of the prediction's shape without that axis; soft:
    /// probabilities of the prediction's shape), checked against a target node where the loss compares with one.
    /// </summary>
    /// <param name="soft">True where the target is probabilities of the prediction's shape.</param>
    /// <param name="function">The surface method, for messages (<c>CrossEntropy</c>, <c>Nll</c>).</param>
    /// <param name="scalarHint">The fix when the prediction has no class axis at all.</param>
    /// <param name="logits">True where the loss applies log-softmax itself: a softmax or sigmoid before it is reported.</param>
    public LossAnalysis ClassTarget(bool soft, string function, string scalarHint, bool logits)
    {
        var prediction = Prediction;
        if (prediction.Dims.Count < 1)
        {
            Report(Descriptors.NotClassScores, Loss.Site, Loss.Name, Loss.KindName, PredictionName, prediction.ShapeText, scalarHint);
            return new LossAnalysis(null);
        }

        TensorType ClassIndices(int classAxis) => new(prediction.Dims.Items.RemoveAt(classAxis - 1).ToEquatableArray(), DType.Int64);
        int axis;
        if (Loss.ClassDim is int stated)
        {
            if (Axes.NonBatch(stated, prediction) is not int given)
            {
                Report(Descriptors.InvalidArgument, Loss.SiteOf("loss.classDim"), "Loss." + function,
                    "'classDim' " + stated.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not a class axis of '" + PredictionName + "' " +
                    prediction.ShapeText + "; " + Axes.NonBatchRange(prediction) + (stated == 0 || stated == -prediction.Rank ? " (dim 0 is the batch)" : ""));
                return new LossAnalysis(null);
            }

            axis = given;
            var classAxes = Enumerable.Range(1, prediction.Rank - 1).Where(a => prediction.RoleAt(a) == AxisRole.Class).ToList();
            if (classAxes.Count == 1 && classAxes[0] is int classes && classes != axis)
            {
                // The scores' class axis is known (a Linear tied to an Embedding scores the vocabulary, or another loss read it).
                string classText = classes == prediction.Rank - 1 ? "-1" : classes.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var info = DiagnosticInfo.Create(Descriptors.UnusualLayout, Spec.ClassName, Loss.SiteOf("loss.classDim"), "Loss '" + Loss.Name + "': " + function, "the classes on dim " + classText, ShapeContext.LayoutText(prediction),
                    "classDim: " + stated.ToString(System.Globalization.CultureInfo.InvariantCulture) + " reads the " + prediction.Dims[axis - 1] + " values of dim " + axis + " as classes, but the " + prediction.Dims[classes - 1] + " classes are on dim " + classText + "; write classDim: " + classText + " (or leave it out)");
                diagnostics.Add(info with { Fix = FixSpec.Of(FixKinds.SetArgument, "classDim", classText) });
            }
        }
        else if (prediction.Rank == 2)
        {
            axis = 1;
        }
        else if (ClassAxes.FeatureAxis(Spec, nodes, Loss.Prediction) is int inferred)
        {
            axis = inferred;
        }
        else
        {
            string reason = ClassAxes.WhyUnknown(Spec, nodes, Loss.Prediction);
            string Reading(int classAxis) => soft ? "probabilities " + prediction.TypeText : ClassIndices(classAxis).TypeText;
            Report(Descriptors.AmbiguousClassAxis, Loss.Site, Loss.Name, function, PredictionName, prediction.ShapeText, reason, Reading(1), Reading(prediction.Rank - 1));
            return new LossAnalysis(null);
        }

        // Probabilities in place of logits: a softmax is applied twice, a sigmoid squashes every logit into [0, 1].
        if (logits && OpCatalogue.For(PredictionOp)?.SquashesLogits(PredictionOp) == true)
        {
            Report(Descriptors.CrossEntropyOnSoftmax, Loss.Site, Loss.Name, PredictionName, PredictionOp.Kind);
        }

        var expected = soft ? new TensorType(prediction.Dims) : ClassIndices(axis);
        var mask = Mask(axis);
        if (Loss.TargetNode < 0 && Loss.ClassDim is null && !soft && prediction.Rank == 3 && AxisRoles.IsChannelsFirst(prediction))
        {
            // A 1-D convolution stack without its pooling: [B, C, L] reads as C classes at each of L positions.
            Report(Descriptors.UnusualLayout, Loss.Site, "Loss '" + Loss.Name + "': " + function, "one class per sample, [B, C] logits", ShapeContext.LayoutText(prediction),
                "it reads " + prediction.Dims[0] + " classes at each of " + prediction.Dims[1] + " positions, so its target is " + expected.TypeText + "; pool the positions first with .GlobalAvgPool1d() (then .Linear(classes)), or state classDim: 1 for one class per position");
        }

        if (Loss.TargetNode < 0)
        {
            return new LossAnalysis(expected, axis, mask, ReadsClasses: true);
        }

        var target = nodes[Loss.TargetNode].Type;
        bool fits = target is null || (target.Dims.Equals(expected.Dims) && target.DType == expected.DType);
        if (target is not null && !fits)
        {
            string axisText = axis == prediction.Rank - 1 && axis > 1 ? "-1" : axis.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string hint = target.DType != expected.DType
                ? soft ? "soft targets are float32 probabilities" : "class indices are int64 (declare the input with DType.Int64)"
                : prediction.Rank > 2
                    ? "slice both to the same positions (for next-token targets: logits.Slice(1, 0, -1) with tokens.Slice(1, 1)), or state the class axis with classDim:"
                    : "give the prediction one score per class and the target one index per sample";
            Report(Descriptors.ClassIndexTargetMismatch, Loss.SiteOf("loss.target"), Loss.Name, function, PredictionName, prediction.ShapeText,
                NameOf(Spec, Loss.TargetNode), target.TypeText, axisText, expected.TypeText, hint);
        }

        return new LossAnalysis(null, axis, mask, ReadsClasses: fits);
    }

    /// <summary>
    /// The mask column's type: one weight per sample, [B], or with <c>perPosition</c> one per position of the
    /// per-sample loss: the prediction's shape, without the class axis where there is one (<paramref name="classAxis"/> &gt; 0).
    /// </summary>
    private TensorType? Mask(int classAxis)
    {
        if (Loss.Mask is null)
        {
            return null;
        }

        if (!Loss.MaskPerPosition)
        {
            return AnalyzedModel.MaskType;
        }

        if (Loss.Kind.PerPositionMaskRefusal is string refusal)
        {
            Report(Descriptors.InvalidArgument, LossRules.MaskSiteOf(Loss), "MaskedBy", refusal);
            return AnalyzedModel.MaskType;
        }

        var dims = classAxis > 0 ? Prediction.Dims.Items.RemoveAt(classAxis - 1).ToEquatableArray() : Prediction.Dims;
        return new TensorType(dims);
    }

    private static string NameOf(ModelSpec spec, int node) =>
        spec.Outputs.FirstOrDefault(o => o.Node == node && !o.ForLoss)?.Name ??
        (spec.Nodes[node].Op is InputOp input ? input.Name : spec.Nodes[node].Name);
}
