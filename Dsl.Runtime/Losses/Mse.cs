using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Mean squared error; <paramref name="target"/> makes it self-supervised on a node of the graph.</summary>
        public static LossFunction Mse(Node? target = null) => throw DeclarationOnly.Called(nameof(Mse));

        /// <summary>Mean squared error against the constant <paramref name="target"/> (every element's target; no target column).</summary>
        public static LossFunction Mse(double target) => throw DeclarationOnly.Called(nameof(Mse));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>Mean squared error over all elements.</summary>
        [RunTimeLoss("Mse", RegressionMetrics = true)]
        public static Tensor Mse(Tensor prediction, Tensor target, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(Mse), prediction, target);
            return mask is null
                ? nn.functional.mse_loss(prediction, target)
                : MaskedMean(nn.functional.mse_loss(prediction, target, reduction: nn.Reduction.None), mask);
        }

        /// <summary>The loss against a constant target: every element's target is <paramref name="target"/>.</summary>
        public static Tensor Mse(Tensor prediction, double target, Tensor? mask = null) =>
            AgainstConstant(prediction, target, filled => Mse(prediction, filled, mask));
    }
}
