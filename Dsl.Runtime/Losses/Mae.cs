using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Mean absolute error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
        public static LossFunction Mae(Node? target = null) => throw DeclarationOnly.Called(nameof(Mae));

        /// <summary>Mean absolute error against the constant <paramref name="target"/> (every element's target; no target column).</summary>
        public static LossFunction Mae(double target) => throw DeclarationOnly.Called(nameof(Mae));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>Mean absolute error over all elements.</summary>
        [RunTimeLoss("Mae", RegressionMetrics = true)]
        public static Tensor Mae(Tensor prediction, Tensor target, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(Mae), prediction, target);
            return mask is null
                ? nn.functional.l1_loss(prediction, target)
                : MaskedMean(nn.functional.l1_loss(prediction, target, reduction: nn.Reduction.None), mask);
        }

        /// <summary>The loss against a constant target: every element's target is <paramref name="target"/>.</summary>
        public static Tensor Mae(Tensor prediction, double target, Tensor? mask = null) =>
            AgainstConstant(prediction, target, filled => Mae(prediction, filled, mask));
    }
}
