using System.Globalization;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;

namespace Dsl.Generator.Losses;

/// <summary>
/// The operands of one term's PyTorch expression, as <see cref="PyTorchLossEmitter"/> reads them, with the shared
/// reductions: the mean, the masked mean (<c>masked_mean</c> of the generated module) and the ignored class index.
/// </summary>
/// <param name="Loss">The term.</param>
/// <param name="Read">The prediction as read from the outputs.</param>
/// <param name="Prediction">The prediction with its class axis moved to dim 1, where torch's cross entropy and NLL read it.</param>
/// <param name="Target">The expression of the target (a target column, an output, or a constant tensor).</param>
/// <param name="Mask">The mask column's expression, or null.</param>
/// <param name="ClassAxis">The class axis shape inference resolved (1 for a loss without one).</param>
/// <param name="PredictionType">The prediction's type.</param>
internal sealed record PyTorchLossCall(LossSpec Loss, string Read, string Prediction, string Target, string? Mask, int ClassAxis, TensorType PredictionType)
{
    /// <summary>
    /// <c>function(arguments)</c> reduced to the term: torch's own mean, or where the term is masked or ignores a class
    /// index the loss per position (0 where ignored) and the weighted mean over the positions kept, 0 rather than NaN
    /// when a batch keeps none (as LossFunctions).
    /// </summary>
    public string Reduced(string function, string arguments)
    {
        string ignore = Loss.IgnoreIndex is long ignored ? $", ignore_index={ignored.ToString(CultureInfo.InvariantCulture)}" : "";
        string keep = Loss.IgnoreIndex is long kept ? $", {Target} != {kept.ToString(CultureInfo.InvariantCulture)}" : "";
        return Mask is null && keep.Length == 0
            ? $"{function}({arguments})"
            : $"masked_mean({function}({arguments}{ignore}, reduction=\"none\"), {Mask ?? "None"}{keep})";
    }

    /// <summary>The mean of an element-wise loss, masked where the term is.</summary>
    public string Mean(string elementwise) => Mask is null ? $"({elementwise}).mean()" : $"masked_mean({elementwise}, {Mask})";

    /// <summary>The loss's numeric option as a keyword argument, only where it differs from its default.</summary>
    public string Option(string parameter, double defaultValue) =>
        Loss.Argument == defaultValue ? "" : $", {parameter}={PyTorchCode.Float(Loss.Argument)}";
}
