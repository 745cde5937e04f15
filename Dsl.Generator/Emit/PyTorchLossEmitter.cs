using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Losses;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit;

/// <summary>
/// The loss wiring of a model's PyTorch class, the twin of <see cref="LossEmitter"/>: the class attributes naming
/// the target columns and the classification heads, and <c>compute_loss(outputs, targets)</c> computing every term as
/// <c>Dsl.Training.LossFunctions</c> does and returning the weighted total and the terms (unweighted) by name.
/// </summary>
internal sealed class PyTorchLossEmitter
{
    private readonly AnalyzedModel model;

    public PyTorchLossEmitter(AnalyzedModel model) => this.model = model;

    /// <summary><c>target_names</c> (supervised targets, then masks, as the C# <c>Targets</c>) and <c>accuracy_heads</c> (class-index target to its output).</summary>
    public void WriteAttributes(IndentedWriter w)
    {
        var losses = model.Spec.Losses;
        var targets = losses.Where(l => l.IsSupervised).Select(l => l.Name).Concat(losses.Select(l => l.Mask).OfType<string>().Distinct());
        w.Line($"target_names = [{string.Join(", ", targets.Select(PyTorchCode.Str))}]");
        var heads = losses.Where(l => l.Kind.PyTorchAccuracyHead).Select(l => $"{PyTorchCode.Str(l.Name)}: {PyTorchCode.Str(OutputName(l.Prediction))}");
        w.Line($"accuracy_heads = {{{string.Join(", ", heads)}}}");
    }

    public void WriteComputeLoss(IndentedWriter w)
    {
        var losses = model.Spec.Losses;
        if (losses.Count == 0)
        {
            return;
        }

        w.Line();
        w.Line("def compute_loss(self, outputs, targets):").Indent();
        w.Line($"\"\"\"The weighted total and every term (unweighted) by name: {string.Join(", ", losses.Select(l => $"{l.Name} ({l.KindName}, weight {PyTorchCode.Float(l.Weight)})"))}.\"\"\"");
        var used = new HashSet<string>(System.StringComparer.Ordinal) { "self", "outputs", "targets", "total", "F", "torch", "nn", "masked_mean", "float" };
        var locals = new List<string>();
        for (int i = 0; i < losses.Count; i++)
        {
            var loss = losses[i];
            string local = Names.Unique(PyTorchNames.Identifier(loss.Name), used);
            locals.Add(local);
            w.Line($"{local} = {Expression(i)}");
        }

        string total = string.Join(" + ", losses.Select((l, i) => l.Weight == 1.0 ? locals[i] : $"{PyTorchCode.Float(l.Weight)} * {locals[i]}"));
        w.Line($"total = {total}");
        w.Line($"return total, {{{string.Join(", ", losses.Select((l, i) => $"{PyTorchCode.Str(l.Name)}: {locals[i]}"))}}}");
        w.Outdent();
    }

    private string Expression(int index)
    {
        var loss = model.Spec.Losses[index];
        int axis = loss.HasClassAxis && index < model.Losses.Count ? model.Losses[index].ClassAxis : 1;
        string read = $"outputs[{PyTorchCode.Str(OutputName(loss.Prediction))}]";
        // torch's cross entropy and NLL take the classes on dim 1: a sequence's [B, T, V] moves them there.
        string prediction = axis == 1 ? read : $"{read}.movedim({axis}, 1)";
        string target = loss.TargetNode >= 0 ? $"outputs[{PyTorchCode.Str(OutputName(loss.TargetNode))}]" : $"targets[{PyTorchCode.Str(loss.Name)}]";
        if (loss.ConstantTarget is double constant)
        {
            target = $"torch.full_like({read}, {PyTorchCode.Float(constant)})";
        }

        string? mask = loss.Mask is null ? null : $"targets[{PyTorchCode.Str(loss.Mask)}]";
        return loss.Kind.PyTorch(new PyTorchLossCall(loss, read, prediction, target, mask, axis, model.TypeOf(loss.Prediction)));
    }

    /// <summary>The name of the first output holding <paramref name="node"/> (as the C# loss reads <c>outputs.X</c>).</summary>
    private string OutputName(int node) =>
        model.Spec.Outputs.FirstOrDefault(o => o.Node == node)?.Name
        ?? throw new System.InvalidOperationException($"node {node} is read by a loss but is not an output");
}
