using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl
{
    /// <summary>The surface method of the loss (read by the source generator; never executed).</summary>
    public static partial class Loss
    {
        /// <summary>Huber loss (smooth L1): squared error below <paramref name="delta"/>, linear above; robust to outliers.</summary>
        /// <param name="delta">Where the loss turns from quadratic to linear.</param>
        /// <param name="target">Makes it self-supervised on a node of the graph.</param>
        public static LossFunction Huber(double delta = 1.0, Node? target = null) => throw DeclarationOnly.Called(nameof(Huber));
    }
}

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>Huber loss over all elements: 0.5 e² where |e| &lt; delta, else delta (|e| - 0.5 delta) (PyTorch's huber_loss).</summary>
        [RunTimeLoss("Huber", RegressionMetrics = true)]
        public static Tensor Huber(Tensor prediction, Tensor target, double delta = 1.0, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(Huber), prediction, target);
            return mask is null
                ? nn.functional.huber_loss(prediction, target, delta)
                : MaskedMean(nn.functional.huber_loss(prediction, target, delta, reduction: nn.Reduction.None), mask);
        }
    }
}
