using System.Linq;
using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// The loss functions generated <c>ComputeLoss</c> methods call. Each returns the mean over the batch (a scalar);
/// with a mask ([B], 1 selects a sample, 0 drops it) each sample's loss is first averaged over its own elements
/// and the term is the masked mean: sum(loss * mask) / max(sum(mask), 1), so a batch with no selected sample
/// contributes 0. Each first checks its arguments' values (<see cref="LossInputCheck"/>): an empty batch, a class
/// index out of range or a probability outside [0, 1] throws an <see cref="System.ArgumentException"/> naming the
/// model and the tensor, instead of a libtorch error or a silent NaN.
/// </summary>
public static class LossFunctions
{
    /// <summary>
    /// Cross entropy of logits [B, C, ...] against class indices [B, ...] (int64, each in 0 .. C - 1); log-softmax is
    /// applied here. With <paramref name="classWeights"/> ([C], Keras' <c>class_weight</c>) each sample's loss is
    /// weighted by its class's weight and the term is the weighted mean, sum(w_y l) / sum(w_y), as PyTorch's
    /// <c>weight=</c>; with a mask too, each sample's weight is w_y times its mask value. <paramref name="labelSmoothing"/>
    /// (in [0, 1)) spreads that share of each target's probability evenly over the classes, as PyTorch's <c>label_smoothing</c>.
    /// </summary>
    /// <exception cref="System.ArgumentException">Class weights that are not [C], or negative.</exception>
    public static Tensor CrossEntropy(Tensor logits, Tensor classes, Tensor? mask = null, Tensor? classWeights = null, double labelSmoothing = 0)
    {
        LossInputCheck.NotEmpty(nameof(CrossEntropy), logits, classes);
        LossInputCheck.ClassIndices(logits, classes);
        if (classWeights is not null)
        {
            return WeightedCrossEntropy(logits, classes, mask, classWeights, labelSmoothing);
        }

        return mask is null
            ? nn.functional.cross_entropy(logits, classes, label_smoothing: labelSmoothing)
            : MaskedMean(nn.functional.cross_entropy(logits, classes, reduction: nn.Reduction.None, label_smoothing: labelSmoothing), mask);
    }

    /// <summary>Negative log-likelihood of log-probabilities [B, C, ...] (a LogSoftmax output) against class indices [B, ...] (int64).</summary>
    public static Tensor Nll(Tensor logProbabilities, Tensor classes, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(Nll), logProbabilities, classes);
        LossInputCheck.ClassIndices(logProbabilities, classes);
        return mask is null
            ? nn.functional.nll_loss(logProbabilities, classes)
            : MaskedMean(nn.functional.nll_loss(logProbabilities, classes, reduction: nn.Reduction.None), mask);
    }

    /// <summary>
    /// KL divergence KL(target ‖ prediction) of target probabilities [B, C] from predicted log-probabilities [B, C]:
    /// sum over the classes of t (log t - log p), averaged over the samples (PyTorch's <c>reduction='batchmean'</c>).
    /// </summary>
    public static Tensor KlDivergence(Tensor logProbabilities, Tensor probabilities, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(KlDivergence), logProbabilities, probabilities);
        LossInputCheck.ProbabilityTarget(nameof(KlDivergence), probabilities);
        using var scope = NewDisposeScope();
        var elementwise = nn.functional.kl_div(logProbabilities, probabilities, log_target: false, reduction: nn.Reduction.None);
        var perSample = elementwise.dim() > 1 ? elementwise.flatten(1).sum(new long[] { 1 }) : elementwise;
        return (mask is null ? perSample.mean() : MaskedMean(perSample, mask)).MoveToOuterDisposeScope();
    }

    /// <summary>Huber loss over all elements: 0.5 e² where |e| &lt; delta, else delta (|e| - 0.5 delta) (PyTorch's huber_loss).</summary>
    public static Tensor Huber(Tensor prediction, Tensor target, double delta = 1.0, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(Huber), prediction, target);
        return mask is null
            ? nn.functional.huber_loss(prediction, target, delta)
            : MaskedMean(nn.functional.huber_loss(prediction, target, delta, reduction: nn.Reduction.None), mask);
    }

    /// <summary>Cross entropy of logits [B, C] against probabilities or one-hot rows [B, C] in [0, 1] (Keras' categorical_crossentropy on logits).</summary>
    /// <remarks><paramref name="labelSmoothing"/> mixes the target with the uniform distribution: (1 - ε) t + ε / C.</remarks>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor probabilities, Tensor? mask = null, double labelSmoothing = 0)
    {
        LossInputCheck.NotEmpty(nameof(SoftCrossEntropy), logits, probabilities);
        LossInputCheck.ProbabilityTarget(nameof(SoftCrossEntropy), probabilities);
        using var scope = NewDisposeScope();
        var target = labelSmoothing == 0 ? probabilities : (probabilities * (1 - labelSmoothing)) + (labelSmoothing / logits.shape[1]);
        var perSample = -(target * nn.functional.log_softmax(logits, 1)).sum(1);
        return (mask is null ? perSample.mean() : MaskedMean(perSample, mask)).MoveToOuterDisposeScope();
    }

    /// <summary>Binary cross entropy of probabilities in [0, 1] against targets in [0, 1] of the same shape.</summary>
    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor targets, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(BinaryCrossEntropy), probabilities, targets);
        LossInputCheck.ProbabilityPrediction(probabilities, targets);
        LossInputCheck.ProbabilityTarget(nameof(BinaryCrossEntropy), targets);
        return mask is null
            ? nn.functional.binary_cross_entropy(probabilities, targets)
            : MaskedMean(nn.functional.binary_cross_entropy(probabilities, targets, reduction: nn.Reduction.None), mask);
    }

    /// <summary>
    /// Binary cross entropy of logits against targets in [0, 1] of the same shape (numerically stable);
    /// <paramref name="posWeight"/> weights the positive term (PyTorch's <c>pos_weight</c>, for rare positives).
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? mask = null, double posWeight = 1.0)
    {
        LossInputCheck.NotEmpty(nameof(BinaryCrossEntropyWithLogits), logits, targets);
        LossInputCheck.ProbabilityTarget(nameof(BinaryCrossEntropyWithLogits), targets);
        using var weight = posWeight == 1.0 ? null : tensor(posWeight, logits.dtype, logits.device);
        return mask is null
            ? nn.functional.binary_cross_entropy_with_logits(logits, targets, pos_weights: weight)
            : MaskedMean(nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None, pos_weights: weight), mask);
    }

    /// <summary>Mean squared error over all elements.</summary>
    public static Tensor Mse(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(Mse), prediction, target);
        return mask is null
            ? nn.functional.mse_loss(prediction, target)
            : MaskedMean(nn.functional.mse_loss(prediction, target, reduction: nn.Reduction.None), mask);
    }

    /// <summary>Mean absolute error over all elements.</summary>
    public static Tensor Mae(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(Mae), prediction, target);
        return mask is null
            ? nn.functional.l1_loss(prediction, target)
            : MaskedMean(nn.functional.l1_loss(prediction, target, reduction: nn.Reduction.None), mask);
    }

    /// <summary>
    /// Contrastive loss of a distance d against a "same" target y in [0, 1] (1 = same pair, 0 = different), both
    /// [B, 1] or [B]: mean(y d^2 + (1 - y) max(margin - d, 0)^2), as in seed 003.
    /// </summary>
    public static Tensor Contrastive(Tensor distance, Tensor same, double margin, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(Contrastive), distance, same);
        LossInputCheck.ProbabilityTarget(nameof(Contrastive), same);
        using var scope = NewDisposeScope();
        var perElement = same * distance.square() + (1.0 - same) * (margin - distance).clamp_min(0).square();
        return (mask is null ? perElement.mean() : MaskedMean(perElement, mask)).MoveToOuterDisposeScope();
    }

    /// <summary>The mean of a node (<c>g.Minimize</c>).</summary>
    public static Tensor Mean(Tensor value, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(Mean), value, mask);
        return mask is null ? value.mean() : MaskedMean(value, mask);
    }

    /// <summary>
    /// Averages each sample's elements, then takes the mean over the samples the mask selects. A mask of non-negative
    /// weights instead of 0 / 1 gives the weighted mean sum(w l) / sum(w): Keras' <c>sample_weight</c> (a term declared
    /// with <c>.MaskedBy("weight")</c> takes its dataset column as per-sample weights).
    /// </summary>
    public static Tensor MaskedMean(Tensor elementwise, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var perSample = elementwise.dim() > 1 ? elementwise.flatten(1).mean(new long[] { 1 }) : elementwise;
        var weights = mask.to_type(perSample.dtype);
        return ((perSample * weights).sum() / weights.sum().clamp_min(1.0)).MoveToOuterDisposeScope();
    }

    private static Tensor WeightedCrossEntropy(Tensor logits, Tensor classes, Tensor? mask, Tensor classWeights, double labelSmoothing)
    {
        long count = logits.shape[1];
        if (classWeights.dim() != 1 || classWeights.shape[0] != count)
        {
            throw new System.ArgumentException(
                $"CrossEntropy: the class weights must be one weight per class, shape [{count}], but have shape [{string.Join(", ", classWeights.shape)}].",
                nameof(classWeights));
        }

        using var scope = NewDisposeScope();
        var weights = classWeights.to(logits.dtype).to(logits.device);
        if (weights.lt(0).any().item<bool>())
        {
            throw new System.ArgumentException("CrossEntropy: class weights must be >= 0.", nameof(classWeights));
        }

        var perSample = nn.functional.cross_entropy(logits, classes, reduction: nn.Reduction.None, label_smoothing: labelSmoothing);
        var sampleWeights = weights.index_select(0, classes.flatten()).reshape(classes.shape);
        if (mask is not null)
        {
            var maskWeights = mask.to_type(perSample.dtype);
            sampleWeights = sampleWeights * (perSample.dim() > 1 ? maskWeights.reshape(new[] { maskWeights.shape[0] }.Concat(Enumerable.Repeat(1L, (int)perSample.dim() - 1)).ToArray()) : maskWeights);
        }

        return ((perSample * sampleWeights).sum() / sampleWeights.sum().clamp_min(1e-12)).MoveToOuterDisposeScope();
    }
}
