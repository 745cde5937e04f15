using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>
        /// Cross entropy on logits: <c>[B, C]</c>, channels first <c>[B, C, d...]</c> (a segmentation map) or features
        /// last <c>[B, T, C]</c> (a sequence); against class indices (int64) of the prediction's shape without the class
        /// axis or, with <paramref name="soft"/>, probabilities of the prediction's shape.
        /// </summary>
        /// <param name="soft">True: the target is probabilities of the prediction's shape (one-hot or soft labels) instead of class indices.</param>
        /// <param name="labelSmoothing">In [0, 1): that share of each target's probability is spread evenly over the classes (PyTorch's <c>label_smoothing</c>).</param>
        /// <param name="classDim">The axis of the classes (negative counts from the back: -1 is the last); when left out
        /// it is read from the prediction's layout, and a layout that does not tell is an error.</param>
        /// <param name="ignoreIndex">A class index whose targets are left out of the loss and of its mean (PyTorch's
        /// <c>ignore_index</c>, often -100 or a padding token); none unless given.</param>
        /// <param name="target">An int64 node of class indices to compare with (self-supervised, e.g. the next tokens
        /// <c>tokens.Slice(1, 1)</c>) instead of a target column; with <paramref name="soft"/>, a node of probabilities.</param>
        public static LossFunction CrossEntropy(bool soft = false, double labelSmoothing = 0, int? classDim = null, long? ignoreIndex = null, Node? target = null) => throw DeclarationOnly.Called(nameof(CrossEntropy));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
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
        [RunTimeLoss("CrossEntropy")]
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

        /// <summary>Cross entropy with one weight per class ([C], PyTorch's <c>weight=</c>): the weighted mean sum(w_y l) / sum(w_y).</summary>
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
}
