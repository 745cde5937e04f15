using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>
        /// A triplet margin loss with in-batch negatives over the <c>[B, B]</c> similarities of two batches
        /// (<c>Ops.BatchSimilarity(a, b)</c> of normalized embeddings): anchor i's positive is <c>S[i, i]</c>, every other
        /// entry of row i a negative; per anchor the mean over the negatives of <c>relu(margin - S[i, i] + S[i, j])</c>; no target column.
        /// </summary>
        /// <param name="margin">How far (positive) every negative's similarity must stay below the positive's.</param>
        /// <param name="hardest">True (VSE++): each anchor's hardest negative only, the row's largest hinge, instead of the mean.</param>
        public static LossFunction InBatchTriplet(double margin = 0.2, bool hardest = false) => throw DeclarationOnly.Called(nameof(InBatchTriplet));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>
        /// The in-batch triplet loss of a <c>[B, B]</c> similarity matrix: per anchor i the hinges
        /// <c>relu(margin - S[i, i] + S[i, j])</c> of the negatives j != i, averaged (or, when <paramref name="hardest"/>,
        /// their maximum); then the mean over the anchors (masked mean with a [B] mask). A batch of one has no negative: 0.
        /// </summary>
        /// <exception cref="System.ArgumentException">A matrix that is not square, an empty batch, a negative mask weight.</exception>
        [RunTimeLoss("InBatchTriplet")]
        public static Tensor InBatchTriplet(Tensor similarity, double margin = 0.2, bool hardest = false, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(InBatchTriplet), similarity, mask);
            LossInputCheck.BatchLogits(nameof(InBatchTriplet), similarity);
            using var scope = NewDisposeScope();
            long batch = similarity.shape[0];
            var negatives = 1 - eye(batch, dtype: similarity.dtype, device: similarity.device);
            var hinge = (margin - similarity.diagonal().unsqueeze(1) + similarity).clamp_min(0) * negatives;
            var perAnchor = hardest ? hinge.amax(1) : hinge.sum(1) / System.Math.Max(batch - 1, 1);
            return (mask is null ? perAnchor.mean() : MaskedMean(perAnchor, mask)).MoveToOuterDisposeScope();
        }
    }
}
