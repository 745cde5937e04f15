using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>Cross entropy of logits [B, C] against probabilities or one-hot rows [B, C] in [0, 1] (Keras' categorical_crossentropy on logits).</summary>
        /// <remarks><paramref name="labelSmoothing"/> mixes the target with the uniform distribution: (1 - ε) t + ε / C.</remarks>
        /// <remarks>Over a sequence the probabilities have the logits' shape and the classes lie on <paramref name="classDim"/>;
        /// the loss is the mean over the positions (and the samples).</remarks>
        [RunTimeLoss("CrossEntropy(soft)")]
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
    }
}
