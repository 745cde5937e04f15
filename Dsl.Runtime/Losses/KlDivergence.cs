using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>KL divergence of a target distribution <c>[B, C]</c> (probabilities) from predicted log-probabilities <c>[B, C]</c> (a <c>LogSoftmax</c> output), summed over classes, averaged over the batch.</summary>
        public static LossFunction KlDivergence() => throw DeclarationOnly.Called(nameof(KlDivergence));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>
        /// KL divergence KL(target ‖ prediction) of target probabilities [B, C] from predicted log-probabilities [B, C]:
        /// sum over the classes of t (log t - log p), averaged over the samples (PyTorch's <c>reduction='batchmean'</c>).
        /// </summary>
        [RunTimeLoss("KlDivergence")]
        public static Tensor KlDivergence(Tensor logProbabilities, Tensor probabilities, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(KlDivergence), logProbabilities, probabilities);
            LossInputCheck.ProbabilityTarget(nameof(KlDivergence), probabilities);
            using var scope = NewDisposeScope();
            var elementwise = nn.functional.kl_div(logProbabilities, probabilities, log_target: false, reduction: nn.Reduction.None);
            var perSample = elementwise.dim() > 1 ? elementwise.flatten(1).sum(new long[] { 1 }) : elementwise;
            return (mask is null ? perSample.mean() : MaskedMean(perSample, mask)).MoveToOuterDisposeScope();
        }
    }
}
