using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Negative log-likelihood of log-probabilities (a <c>LogSoftmax</c> output, classes on its axis) against class indices (int64).</summary>
        /// <param name="classDim">The axis of the classes, as for <see cref="CrossEntropy"/>.</param>
        /// <param name="ignoreIndex">A class index whose targets are left out (PyTorch's <c>ignore_index</c>); none unless given.</param>
        /// <param name="target">An int64 node of class indices to compare with instead of a target column.</param>
        public static LossFunction Nll(int? classDim = null, long? ignoreIndex = null, Node? target = null) => throw DeclarationOnly.Called(nameof(Nll));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>
        /// Negative log-likelihood of log-probabilities (a LogSoftmax output, classes on <paramref name="classDim"/>)
        /// against class indices (int64) of their shape without that axis; <paramref name="ignoreIndex"/> as for
        /// <see cref="CrossEntropy"/>.
        /// </summary>
        [RunTimeLoss("Nll")]
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
    }
}
