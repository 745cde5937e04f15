using Dsl.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training
{
    /// <summary>The run-time implementation of the loss, which generated <c>ComputeLoss</c> methods call.</summary>
    public static partial class LossFunctions
    {
        /// <summary>The mean of a node (<c>g.Minimize</c>).</summary>
        [RunTimeLoss("Minimize")]
        public static Tensor Mean(Tensor value, Tensor? mask = null)
        {
            LossInputCheck.NotEmpty(nameof(Mean), value, mask);
            return mask is null ? value.mean() : MaskedMean(value, mask);
        }
    }
}
