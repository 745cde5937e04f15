using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Binary cross entropy on logits.</summary>
        /// <param name="posWeight">The weight of the positive class's term (PyTorch's <c>pos_weight</c>): above 1 for rare positives.</param>
        /// <param name="target">A constant target in [0, 1] for every element (a GAN's "real" label 1.0, "fake" 0.0) instead of a target column.</param>
        public static LossFunction BinaryCrossEntropyWithLogits(double posWeight = 1.0, double? target = null) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropyWithLogits));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>
        /// Binary cross entropy of logits against targets in [0, 1] of the same shape (numerically stable);
        /// <paramref name="posWeight"/> weights the positive term (PyTorch's <c>pos_weight</c>, for rare positives).
        /// </summary>
        [RunTimeLoss("BinaryCrossEntropyWithLogits")]
        public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? mask = null, double posWeight = 1.0)
        {
            LossInputCheck.NotEmpty(nameof(BinaryCrossEntropyWithLogits), logits, targets);
            LossInputCheck.ProbabilityTarget(nameof(BinaryCrossEntropyWithLogits), targets);
            using var weight = posWeight == 1.0 ? null : tensor(posWeight, logits.dtype, logits.device);
            return mask is null
                ? nn.functional.binary_cross_entropy_with_logits(logits, targets, pos_weights: weight)
                : MaskedMean(nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None, pos_weights: weight), mask);
        }

        /// <summary>The loss against a constant target in [0, 1]: every element's target is <paramref name="target"/>.</summary>
        public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, double target, Tensor? mask = null, double posWeight = 1.0) =>
            AgainstConstant(logits, target, filled => BinaryCrossEntropyWithLogits(logits, filled, mask, posWeight));
    }
}
