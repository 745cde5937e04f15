using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>
        /// InfoNCE on the <c>[B, B]</c> logits of two batches (<c>Ops.BatchSimilarity(a, b)</c> times a temperature): cross
        /// entropy of every row against the diagonal, sample i's match being sample i of the other batch; no target column.
        /// </summary>
        /// <param name="symmetric">True (CLIP's loss): the mean of the rows' and the columns' cross entropy; false: the rows only.</param>
        public static LossFunction InfoNce(bool symmetric = true) => throw DeclarationOnly.Called(nameof(InfoNce));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>
        /// InfoNCE of <c>[B, B]</c> logits: per sample i, the cross entropy of row i against class i and, when
        /// <paramref name="symmetric"/>, the mean of that and column i's; then the mean over the batch (masked mean with a [B] mask).
        /// </summary>
        /// <exception cref="System.ArgumentException">Logits that are not square with a row per sample, an empty batch, a negative mask weight.</exception>
        [RunTimeLoss("InfoNce")]
        public static Tensor InfoNce(Tensor logits, bool symmetric = true, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(InfoNce), logits, mask);
            LossInputCheck.BatchLogits(nameof(InfoNce), logits);
            using var scope = NewDisposeScope();
            var diagonal = arange(logits.shape[0], dtype: ScalarType.Int64, device: logits.device);
            var perSample = nn.functional.cross_entropy(logits, diagonal, reduction: nn.Reduction.None);
            if (symmetric)
            {
                perSample = 0.5 * (perSample + nn.functional.cross_entropy(logits.t(), diagonal, reduction: nn.Reduction.None));
            }

            return (mask is null ? perSample.mean() : MaskedMean(perSample, mask)).MoveToOuterDisposeScope();
        }
    }
}
