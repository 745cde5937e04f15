using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Contrastive loss on a <c>[B, 1]</c> distance with a <c>[B, 1]</c> "same" target.</summary>
        public static LossFunction Contrastive(double margin = 1.0) => throw DeclarationOnly.Called(nameof(Contrastive));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>
        /// Contrastive loss of a distance d against a "same" target y in [0, 1] (1 = same pair, 0 = different), both
        /// [B, 1] or [B]: mean(y d^2 + (1 - y) max(margin - d, 0)^2), as in seed 003.
        /// </summary>
        [RunTimeLoss("Contrastive")]
        public static Tensor Contrastive(Tensor distance, Tensor same, double margin, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(Contrastive), distance, same);
            LossInputCheck.ProbabilityTarget(nameof(Contrastive), same);
            using var scope = NewDisposeScope();
            var perElement = same * distance.square() + (1.0 - same) * (margin - distance).clamp_min(0).square();
            return (mask is null ? perElement.mean() : MaskedMean(perElement, mask)).MoveToOuterDisposeScope();
        }
    }
}
