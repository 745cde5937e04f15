using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>
/// The shape rules of loss terms: what target each loss needs given its prediction, and the checks that the
/// two can be compared. Cross entropy on logits takes class indices (int64) of the logits' shape without the class
/// axis: [B] for [B, C], [B, H, W] for a segmentation map [B, C, H, W], [B, T] for a sequence [B, T, V] (the axis is
/// stated with <c>classDim:</c> or read from the layout, <see cref="ClassAxes"/>); with <c>soft: true</c>
/// probabilities of the prediction's shape; a mask is [B] or, per position, the shape of the per-sample loss; Mse / Mae / binary cross entropy take the
/// prediction's shape (so do Huber and KlDivergence, whose target is a distribution); Nll takes class indices like
/// cross entropy; Contrastive takes a distance [B, 1] or [B] and a "same" target of that shape;
/// Minimize takes no target. Self-supervised terms compare with a node, whose shape must equal the prediction's.
/// </summary>
internal static class LossRules
{
    public static LossAnalysis Analyze(ModelSpec spec, LossSpec loss, IReadOnlyList<NodeAnalysis> nodes, List<DiagnosticInfo> diagnostics)
    {
        var prediction = nodes[loss.Prediction].Type;
        if (prediction is null)
        {
            return new LossAnalysis(null);
        }

        string predictionName = NameOf(spec, loss.Prediction);
        void Report(DiagnosticDescriptor descriptor, int site, params string[] args) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, spec.ClassName, site, args));

        if (prediction.DType == DType.Int64)
        {
            // Indices are not scores: every loss (and Minimize's mean) computes on float values.
            Report(Descriptors.WrongDType, loss.Site, "Loss '" + loss.Name + "'", "a float32 prediction", "'" + predictionName + "' " + prediction.TypeText + " (indices)", "compute the prediction from the indices, e.g. through .Embedding(numEmbeddings, embeddingDim) and a head");
            return new LossAnalysis(null);
        }

        if (loss.HasClassAxis)
        {
            return ClassLoss(spec, loss, nodes, prediction, predictionName, Report);
        }

        if (loss.TargetNode >= 0)
        {
            var target = nodes[loss.TargetNode].Type;
            if (target is not null && (!target.Dims.Equals(prediction.Dims) || target.DType != prediction.DType))
            {
                bool dtypes = target.DType != prediction.DType;
                Report(Descriptors.TargetShapeMismatch, loss.Site, loss.Name, loss.KindName, NameOf(spec, loss.TargetNode), dtypes ? target.TypeText : target.ShapeText, predictionName, dtypes ? prediction.TypeText : prediction.ShapeText);
            }

            return new LossAnalysis(null, Mask: MaskOf(loss, prediction, 0, Report));
        }

        switch (loss.Kind)
        {
            case LossKind.Minimize:
                return new LossAnalysis(null, Mask: MaskOf(loss, prediction, 0, Report));

            case LossKind.BinaryCrossEntropy:
                if (ValueRanges.Of(spec, loss.Prediction) is (ValueRange.Unbounded, var source))
                {
                    Report(Descriptors.NotProbabilities, loss.Site, loss.Name, predictionName, source.Op.Kind + " '" + source.Name + "'");
                }

                return new LossAnalysis(prediction, Mask: MaskOf(loss, prediction, 0, Report));

            case LossKind.Contrastive:
                if (spec.Nodes[loss.Prediction].Op is CosineSimilarityOp)
                {
                    Report(Descriptors.ContrastiveOnSimilarity, loss.Site, loss.Name, predictionName);
                    return new LossAnalysis(null);
                }

                if (!(prediction.Dims.Count == 0 || (prediction.Dims.Count == 1 && prediction.Dims[0].IsKnown && prediction.Dims[0].Value == 1)))
                {
                    Report(Descriptors.NotADistance, loss.Site, loss.Name, predictionName, prediction.ShapeText);
                    return new LossAnalysis(null);
                }

                return new LossAnalysis(prediction, Mask: MaskOf(loss, prediction, 0, Report));

            default:
                return new LossAnalysis(prediction, Mask: MaskOf(loss, prediction, 0, Report));
        }
    }

    /// <summary>
    /// Cross entropy (class indices or soft) and NLL: the class axis stated or read from the prediction's layout
    /// (<see cref="ClassAxes"/>), the target it gives (class indices of the prediction's shape without that axis; soft:
    /// probabilities of the prediction's shape), checked against a target node where the loss compares with one.
    /// </summary>
    private static LossAnalysis ClassLoss(ModelSpec spec, LossSpec loss, IReadOnlyList<NodeAnalysis> nodes, TensorType prediction, string predictionName, System.Action<DiagnosticDescriptor, int, string[]> report)
    {
        void Report(DiagnosticDescriptor descriptor, int site, params string[] args) => report(descriptor, site, args);
        bool soft = loss.Kind == LossKind.SoftCrossEntropy;
        string function = loss.Kind == LossKind.Nll ? "Nll" : "CrossEntropy";
        if (prediction.Dims.Count < 1)
        {
            string hint = loss.Kind == LossKind.Nll
                ? "NLL needs log-probabilities [B, C] (x.LogSoftmax()); a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()"
                : "a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()";
            Report(Descriptors.NotClassScores, loss.Site, loss.Name, loss.KindName, predictionName, prediction.ShapeText, hint);
            return new LossAnalysis(null);
        }

        TensorType ClassIndices(int classAxis) => new(prediction.Dims.Items.RemoveAt(classAxis - 1).ToEquatableArray(), DType.Int64);
        int axis;
        if (loss.ClassDim is int stated)
        {
            if (Axes.NonBatch(stated, prediction) is not int given)
            {
                Report(Descriptors.InvalidArgument, loss.SiteOf("loss.classDim"), "Loss." + function,
                    "'classDim' " + stated.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not a class axis of '" + predictionName + "' " +
                    prediction.ShapeText + "; " + Axes.NonBatchRange(prediction) + (stated == 0 || stated == -prediction.Rank ? " (dim 0 is the batch)" : ""));
                return new LossAnalysis(null);
            }

            axis = given;
        }
        else if (prediction.Rank == 2)
        {
            axis = 1;
        }
        else if (ClassAxes.FeatureAxis(spec, nodes, loss.Prediction) is int inferred)
        {
            axis = inferred;
        }
        else
        {
            string reason = ClassAxes.WhyUnknown(spec, nodes, loss.Prediction);
            string Reading(int classAxis) => soft ? "probabilities " + prediction.TypeText : ClassIndices(classAxis).TypeText;
            Report(Descriptors.AmbiguousClassAxis, loss.Site, loss.Name, function, predictionName, prediction.ShapeText, reason, Reading(1), Reading(prediction.Rank - 1));
            return new LossAnalysis(null);
        }

        // Probabilities in place of logits: a softmax is applied twice, a sigmoid squashes every logit into [0, 1].
        if (loss.Kind != LossKind.Nll && spec.Nodes[loss.Prediction].Op is SoftmaxOp or ActivationOp { Activation: ActivationKind.Sigmoid })
        {
            Report(Descriptors.CrossEntropyOnSoftmax, loss.Site, loss.Name, predictionName, spec.Nodes[loss.Prediction].Op.Kind);
        }

        var expected = soft ? new TensorType(prediction.Dims) : ClassIndices(axis);
        var mask = MaskOf(loss, prediction, axis, report);
        if (loss.TargetNode < 0)
        {
            return new LossAnalysis(expected, axis, mask);
        }

        var target = nodes[loss.TargetNode].Type;
        if (target is not null && (!target.Dims.Equals(expected.Dims) || target.DType != expected.DType))
        {
            string axisText = axis == prediction.Rank - 1 && axis > 1 ? "-1" : axis.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string hint = target.DType != expected.DType
                ? soft ? "soft targets are float32 probabilities" : "class indices are int64 (declare the input with DType.Int64)"
                : prediction.Rank > 2
                    ? "slice both to the same positions (for next-token targets: logits.Slice(1, 0, -1) with tokens.Slice(1, 1)), or state the class axis with classDim:"
                    : "give the prediction one score per class and the target one index per sample";
            Report(Descriptors.ClassIndexTargetMismatch, loss.SiteOf("loss.target"), loss.Name, function, predictionName, prediction.ShapeText,
                NameOf(spec, loss.TargetNode), target.TypeText, axisText, expected.TypeText, hint);
        }

        return new LossAnalysis(null, axis, mask);
    }

    /// <summary>
    /// The mask column's type: one weight per sample, [B], or with <c>perPosition</c> one per position of the
    /// per-sample loss: the prediction's shape, without the class axis where there is one (<paramref name="classAxis"/> &gt; 0).
    /// </summary>
    private static TensorType? MaskOf(LossSpec loss, TensorType prediction, int classAxis, System.Action<DiagnosticDescriptor, int, string[]> report)
    {
        if (loss.Mask is null)
        {
            return null;
        }

        if (!loss.MaskPerPosition)
        {
            return AnalyzedModel.MaskType;
        }

        if (loss.Kind == LossKind.KlDivergence)
        {
            report(Descriptors.InvalidArgument, MaskSiteOf(loss), new[] { "MaskedBy", "KlDivergence sums over each sample's classes, so its loss has one value per sample; drop perPosition: true" });
            return AnalyzedModel.MaskType;
        }

        var dims = classAxis > 0 ? prediction.Dims.Items.RemoveAt(classAxis - 1).ToEquatableArray() : prediction.Dims;
        return new TensorType(dims);
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

    private static int MaskSiteOf(LossSpec loss) => loss.MaskSite >= 0 ? loss.MaskSite : loss.Site;

    private static string NameOf(ModelSpec spec, int node) =>
        spec.Outputs.FirstOrDefault(o => o.Node == node && !o.ForLoss)?.Name ??
        (spec.Nodes[node].Op is InputOp input ? input.Name : spec.Nodes[node].Name);
}
