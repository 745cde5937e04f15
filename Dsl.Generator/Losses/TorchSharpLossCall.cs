using System.Globalization;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;

namespace Dsl.Generator.Losses;

/// <summary>
/// The operands of one term's C# expression, as <see cref="LossEmitter"/> reads them: the prediction, the target
/// (a <c>Targets</c> member, an output, or a constant literal), the mask argument and the class axis the rules
/// resolved. A descriptor writes <c>{Function}({Prediction}, {Target}{Mask}...)</c>.
/// </summary>
/// <param name="Loss">The term.</param>
/// <param name="Function">The qualified run-time method (<c>global::Dsl.Training.LossFunctions.Mse</c>).</param>
/// <param name="Prediction">The expression of the prediction.</param>
/// <param name="Target">The expression of the target; empty for a term without one.</param>
/// <param name="Mask">", targets.Mask" where the term is masked, else empty.</param>
/// <param name="ClassAxis">The class axis shape inference resolved (1 for a loss without one).</param>
internal sealed record TorchSharpLossCall(LossSpec Loss, string Function, string Prediction, string Target, string Mask, int ClassAxis)
{
    /// <summary>The common call: <c>Function(prediction, target, mask)</c>.</summary>
    public string Plain => $"{Function}({Prediction}, {Target}{Mask})";

    /// <summary>The loss's numeric option as a named argument, only where it differs from its default (so the common call reads as before).</summary>
    public string Option(string parameter, double defaultValue) =>
        Loss.Argument == defaultValue ? "" : $", {parameter}: {Names.DoubleLiteral(Loss.Argument)}";

    /// <summary>The class axis where it is not 1 (a sequence's last axis) and the ignored class index, as named arguments.</summary>
    public string ClassArguments =>
        (ClassAxis == 1 ? "" : $", classDim: {Names.IntLiteral(ClassAxis)}") +
        (Loss.IgnoreIndex is long ignored ? $", ignoreIndex: {ignored.ToString(CultureInfo.InvariantCulture)}" : "");
}
