using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>
/// The shape rules of loss terms: what target each loss needs given its prediction, and the checks that the
/// two can be compared. Cross entropy on logits [B, C, d...] takes class indices [B, d...] (int64), or with
/// <c>soft: true</c> probabilities of the prediction's shape; Mse / Mae / binary cross entropy take the
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

        if (loss.TargetNode >= 0)
        {
            var target = nodes[loss.TargetNode].Type;
            if (target is not null && (!target.Dims.Equals(prediction.Dims) || target.DType != prediction.DType))
            {
                bool dtypes = target.DType != prediction.DType;
                Report(Descriptors.TargetShapeMismatch, loss.Site, loss.Name, loss.KindName, NameOf(spec, loss.TargetNode), dtypes ? target.TypeText : target.ShapeText, predictionName, dtypes ? prediction.TypeText : prediction.ShapeText);
            }

            return new LossAnalysis(null);
        }

        switch (loss.Kind)
        {
            case LossKind.Minimize:
                return new LossAnalysis(null);

            case LossKind.CrossEntropy or LossKind.SoftCrossEntropy:
                if (prediction.Dims.Count < 1 || (loss.Kind == LossKind.SoftCrossEntropy && prediction.Dims.Count != 1))
                {
                    string hint = prediction.Dims.Count == 0
                        ? "a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()"
                        : "soft targets need logits [B, C]; flatten the prediction first";
                    Report(Descriptors.NotClassScores, loss.Site, loss.Name, loss.KindName, predictionName, prediction.ShapeText, hint);
                    return new LossAnalysis(null);
                }

                // Probabilities in place of logits: a softmax is applied twice, a sigmoid squashes every logit into [0, 1].
                if (spec.Nodes[loss.Prediction].Op is SoftmaxOp or ActivationOp { Activation: ActivationKind.Sigmoid })
                {
                    Report(Descriptors.CrossEntropyOnSoftmax, loss.Site, loss.Name, predictionName, spec.Nodes[loss.Prediction].Op.Kind);
                }

                return new LossAnalysis(loss.Kind == LossKind.SoftCrossEntropy
                    ? prediction
                    : new TensorType(prediction.Dims.Skip(1).ToEquatableArray(), DType.Int64));

            case LossKind.Nll:
                if (prediction.Dims.Count < 1)
                {
                    Report(Descriptors.NotClassScores, loss.Site, loss.Name, loss.KindName, predictionName, prediction.ShapeText, "NLL needs log-probabilities [B, C] (x.LogSoftmax()); a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()");
                    return new LossAnalysis(null);
                }

                return new LossAnalysis(new TensorType(prediction.Dims.Skip(1).ToEquatableArray(), DType.Int64));

            case LossKind.BinaryCrossEntropy:
                if (ValueRanges.Of(spec, loss.Prediction) is (ValueRange.Unbounded, var source))
                {
                    Report(Descriptors.NotProbabilities, loss.Site, loss.Name, predictionName, source.Op.Kind + " '" + source.Name + "'");
                }

                return new LossAnalysis(prediction);

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

                return new LossAnalysis(prediction);

            default:
                return new LossAnalysis(prediction);
        }
    }

    private static string NameOf(ModelSpec spec, int node) =>
        spec.Outputs.FirstOrDefault(o => o.Node == node && !o.ForLoss)?.Name ??
        (spec.Nodes[node].Op is InputOp input ? input.Name : spec.Nodes[node].Name);
}
