using System.Collections.Generic;
using System.Linq;
using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// The loss functions generated <c>ComputeLoss</c> methods call. Each returns the mean over the batch (a scalar).
/// With a mask the term is the weighted mean sum(w l) / sum(w) over the loss's elements, where a mask of one weight
/// per sample ([B]: 1 selects a sample, 0 drops it, a fraction weights it) covers all of the sample's elements and a
/// per-position mask ([B, T] for a sequence) weighs each element; a batch whose weights are all 0 contributes 0, and a
/// negative weight is refused. Cross entropy and NLL take the class axis (<c>classDim</c>: 1 for [B, C, ...], the last
/// for a sequence [B, T, C]) and optionally a class index to ignore (PyTorch's <c>ignore_index</c>: the mean is over
/// the targets kept). Each first checks its arguments' values (<see cref="LossInputCheck"/>): an empty batch, a class
/// index out of range, a probability outside [0, 1] or a negative mask weight throws an
/// <see cref="System.ArgumentException"/> naming the model and the tensor, instead of a libtorch error or a silent NaN.
/// </summary>
public static class LossFunctions
{
    /// <summary>
    /// Cross entropy of logits (classes on <paramref name="classDim"/>) against class indices (int64, each in 0 .. C - 1
    /// or <paramref name="ignoreIndex"/>) of the logits' shape without that axis; log-softmax is applied here. With
    /// <paramref name="classWeights"/> ([C], Keras' <c>class_weight</c>) each element's loss is weighted by its class's
    /// weight and the term is the weighted mean, sum(w_y l) / sum(w_y), as PyTorch's <c>weight=</c>; with a mask too,
    /// each element's weight is w_y times its mask value. <paramref name="labelSmoothing"/> (in [0, 1)) spreads that
    /// share of each target's probability evenly over the classes, as PyTorch's <c>label_smoothing</c>.
    /// </summary>
    /// <exception cref="System.ArgumentException">Class weights that are not [C], or negative; a class axis that is
    /// the batch or outside the logits; a class index out of range; a negative mask weight.</exception>
    public static Tensor CrossEntropy(Tensor logits, Tensor classes, Tensor? mask = null, Tensor? classWeights = null, double labelSmoothing = 0, long classDim = 1, long? ignoreIndex = null)
    {
        LossInputCheck.NotEmpty(nameof(CrossEntropy), logits, classes);
        using var moved = ClassesFirst(nameof(CrossEntropy), logits, classDim);
        LossInputCheck.ClassIndices(moved, classes, ignoreIndex);
        if (classWeights is not null)
        {
            return WeightedCrossEntropy(moved, classes, mask, classWeights, labelSmoothing, ignoreIndex);
        }

        if (mask is null && ignoreIndex is null)
        {
            return nn.functional.cross_entropy(moved, classes, label_smoothing: labelSmoothing);
        }

        using var scope = NewDisposeScope();
        var (kept, keep) = Kept(classes, ignoreIndex);
        var elementwise = nn.functional.cross_entropy(moved, kept, reduction: nn.Reduction.None, label_smoothing: labelSmoothing);
        return WeightedMean(elementwise, mask, keep).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Negative log-likelihood of log-probabilities (a LogSoftmax output, classes on <paramref name="classDim"/>)
    /// against class indices (int64) of their shape without that axis; <paramref name="ignoreIndex"/> as for
    /// <see cref="CrossEntropy"/>.
    /// </summary>
    public static Tensor Nll(Tensor logProbabilities, Tensor classes, Tensor? mask = null, long classDim = 1, long? ignoreIndex = null)
    {
        LossInputCheck.NotEmpty(nameof(Nll), logProbabilities, classes);
        using var moved = ClassesFirst(nameof(Nll), logProbabilities, classDim);
        LossInputCheck.ClassIndices(moved, classes, ignoreIndex);
        if (mask is null && ignoreIndex is null)
        {
            return nn.functional.nll_loss(moved, classes);
        }

        using var scope = NewDisposeScope();
        var (kept, keep) = Kept(classes, ignoreIndex);
        var elementwise = nn.functional.nll_loss(moved, kept, reduction: nn.Reduction.None);
        return WeightedMean(elementwise, mask, keep).MoveToOuterDisposeScope();
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
    /// <remarks>Over a sequence the probabilities have the logits' shape and the classes lie on <paramref name="classDim"/>;
    /// the loss is the mean over the positions (and the samples).</remarks>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor probabilities, Tensor? mask = null, double labelSmoothing = 0, long classDim = 1)
    {
        LossInputCheck.NotEmpty(nameof(SoftCrossEntropy), logits, probabilities);
        LossInputCheck.ProbabilityTarget(nameof(SoftCrossEntropy), probabilities);
        long axis = ClassAxis(nameof(SoftCrossEntropy), logits, classDim);
        using var scope = NewDisposeScope();
        var target = labelSmoothing == 0 ? probabilities : (probabilities * (1 - labelSmoothing)) + (labelSmoothing / logits.shape[axis]);
        var perPosition = -(target * nn.functional.log_softmax(logits, axis)).sum(axis);
        return (mask is null ? perPosition.mean() : MaskedMean(perPosition, mask)).MoveToOuterDisposeScope();
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
    /// The weighted mean sum(w l) / sum(w) of <paramref name="elementwise"/>'s elements under <paramref name="mask"/>:
    /// one weight per sample ([B], spread over the sample's elements, so each sample counts by its mean) or one per
    /// element (a mask of the elements' shape, or of their leading axes). Any non-negative weights: 1 / 0 selects,
    /// fractions weight (Keras' <c>sample_weight</c>: a term declared with <c>.MaskedBy("weight")</c> takes its dataset
    /// column as weights). All-zero weights give 0 with gradients 0, not NaN.
    /// </summary>
    /// <exception cref="System.ArgumentException">A negative or NaN weight, or a mask whose shape does not lead the elements'.</exception>
    public static Tensor MaskedMean(Tensor elementwise, Tensor mask) => WeightedMean(elementwise, mask, null);

    /// <summary>
    /// The weighted mean of <paramref name="elementwise"/> under a mask and / or per-element weights <paramref name="keep"/>
    /// of its shape (false / 0 where a target is ignored; a class's weight).
    /// </summary>
    private static Tensor WeightedMean(Tensor elementwise, Tensor? mask, Tensor? keep)
    {
        using var scope = NewDisposeScope();
        Tensor? weights = keep?.to_type(elementwise.dtype);
        if (mask is not null)
        {
            LossInputCheck.MaskWeights(mask, elementwise);
            var spread = Spread(mask.to_type(elementwise.dtype), elementwise);
            weights = weights is null ? spread : weights * spread;
        }

        if (weights is null)
        {
            return elementwise.mean().MoveToOuterDisposeScope();
        }

        var total = weights.sum();
        var denominator = where(total.gt(0), total, ones_like(total));
        return ((elementwise * weights).sum() / denominator).MoveToOuterDisposeScope();
    }

    /// <summary>A mask of <paramref name="like"/>'s leading axes ([B], [B, T]) expanded to its shape.</summary>
    private static Tensor Spread(Tensor mask, Tensor like) =>
        mask.reshape(mask.shape.Concat(Enumerable.Repeat(1L, (int)(like.dim() - mask.dim()))).ToArray()).expand_as(like);

    /// <summary>
    /// The class indices with ignored ones replaced by class 0 (a valid index, weighted 0 afterwards), and where they
    /// are kept; both as given without an <paramref name="ignoreIndex"/>.
    /// </summary>
    private static (Tensor Classes, Tensor? Keep) Kept(Tensor classes, long? ignoreIndex)
    {
        if (ignoreIndex is not long ignored)
        {
            return (classes, null);
        }

        var keep = classes.ne(ignored);
        return (classes.masked_fill(keep.logical_not(), 0), keep);
    }

    /// <summary>The class axis <paramref name="classDim"/> of <paramref name="logits"/> (negative from the back), checked: not the batch, within the rank.</summary>
    private static long ClassAxis(string loss, Tensor logits, long classDim)
    {
        long rank = logits.dim();
        long axis = classDim < 0 ? rank + classDim : classDim;
        if (axis >= 1 && axis < rank)
        {
            return axis;
        }

        throw new System.ArgumentException(
            $"{loss}: classDim {classDim} is not a class axis of a prediction of shape {TensorCheck.Format(logits.shape)}; expected 1 to {rank - 1} or -{rank - 1} to -1 (dim 0 is the batch).",
            nameof(classDim));
    }

    /// <summary>The logits with their class axis moved to dim 1, where torch's cross entropy and NLL read it (a view; the tensor itself when it is there).</summary>
    private static Tensor ClassesFirst(string loss, Tensor logits, long classDim)
    {
        long axis = ClassAxis(loss, logits, classDim);
        if (axis == 1)
        {
            return logits.alias();
        }

        var order = new List<long> { 0, axis };
        order.AddRange(Enumerable.Range(1, (int)logits.dim() - 1).Select(d => (long)d).Where(d => d != axis));
        return logits.permute(order.ToArray());
    }

    private static Tensor WeightedCrossEntropy(Tensor logits, Tensor classes, Tensor? mask, Tensor classWeights, double labelSmoothing, long? ignoreIndex)
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

        var (kept, keep) = Kept(classes, ignoreIndex);
        var elementwise = nn.functional.cross_entropy(logits, kept, reduction: nn.Reduction.None, label_smoothing: labelSmoothing);
        var elementWeights = weights.index_select(0, kept.flatten()).reshape(kept.shape);
        var perElement = keep is null ? elementWeights : elementWeights * keep.to_type(elementWeights.dtype);
        return WeightedMean(elementwise, mask, perElement).MoveToOuterDisposeScope();
    }
}
