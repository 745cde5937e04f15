using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Binary cross entropy on probabilities in [0, 1].</summary>
        public static LossFunction BinaryCrossEntropy(Node? target = null) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropy));

        /// <summary>Binary cross entropy against the constant <paramref name="target"/> in [0, 1] (every element's target; no target column).</summary>
        public static LossFunction BinaryCrossEntropy(double target) => throw DeclarationOnly.Called(nameof(BinaryCrossEntropy));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>Binary cross entropy of probabilities in [0, 1] against targets in [0, 1] of the same shape.</summary>
        [RunTimeLoss("BinaryCrossEntropy")]
        public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor targets, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(BinaryCrossEntropy), probabilities, targets);
            LossInputCheck.ProbabilityPrediction(probabilities, targets);
            LossInputCheck.ProbabilityTarget(nameof(BinaryCrossEntropy), targets);
            return mask is null
                ? nn.functional.binary_cross_entropy(probabilities, targets)
                : MaskedMean(nn.functional.binary_cross_entropy(probabilities, targets, reduction: nn.Reduction.None), mask);
        }

        /// <summary>The loss against a constant target in [0, 1]: every element's target is <paramref name="target"/>.</summary>
        public static Tensor BinaryCrossEntropy(Tensor probabilities, double target, Tensor? mask = null) =>
            AgainstConstant(probabilities, target, filled => BinaryCrossEntropy(probabilities, filled, mask));
    }
}
