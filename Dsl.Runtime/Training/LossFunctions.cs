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
    /// <summary>Cross entropy of logits [B, C, ...] against class indices [B, ...] (int64, each in 0 .. C - 1); log-softmax is applied here.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor classes, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(CrossEntropy), logits, classes);
        LossInputCheck.ClassIndices(logits, classes);
        return mask is null
            ? nn.functional.cross_entropy(logits, classes)
            : MaskedMean(nn.functional.cross_entropy(logits, classes, reduction: nn.Reduction.None), mask);
    }

    /// <summary>Cross entropy of logits [B, C] against probabilities or one-hot rows [B, C] in [0, 1] (Keras' categorical_crossentropy on logits).</summary>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor probabilities, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(SoftCrossEntropy), logits, probabilities);
        LossInputCheck.ProbabilityTarget(nameof(SoftCrossEntropy), probabilities);
        using var scope = NewDisposeScope();
        var perSample = -(probabilities * nn.functional.log_softmax(logits, 1)).sum(1);
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

    /// <summary>Binary cross entropy of logits against targets in [0, 1] of the same shape (numerically stable).</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? mask = null)
    {
        LossInputCheck.NotEmpty(nameof(BinaryCrossEntropyWithLogits), logits, targets);
        LossInputCheck.ProbabilityTarget(nameof(BinaryCrossEntropyWithLogits), targets);
        return mask is null
            ? nn.functional.binary_cross_entropy_with_logits(logits, targets)
            : MaskedMean(nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None), mask);
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

    /// <summary>Averages each sample's elements, then takes the mean over the samples the mask selects.</summary>
    public static Tensor MaskedMean(Tensor elementwise, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var perSample = elementwise.dim() > 1 ? elementwise.flatten(1).mean(new long[] { 1 }) : elementwise;
        var weights = mask.to_type(perSample.dtype);
        return ((perSample * weights).sum() / weights.sum().clamp_min(1.0)).MoveToOuterDisposeScope();
    }
}
