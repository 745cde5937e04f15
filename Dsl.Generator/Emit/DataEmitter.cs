using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The typed side of the data: <c>Columns</c>, one constant per name the declaration gives (inputs, targets and
/// masks, outputs, loss terms), so code that builds datasets or reads predictions and metrics never spells a declared
/// name as a string; and <c>Dataset(...)</c>, a dataset with the model's columns from tensors passed by parameter
/// (targets optional, so a dataset without them predicts). The same for a model with DSL errors (a skeleton): the
/// names do not depend on shapes.
/// </summary>
internal static class DataEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";

    /// <summary>The declared names, each once, with its constant (PascalCase, unique within <c>Columns</c>).</summary>
    public static IReadOnlyList<(string Name, string Constant, string What)> Columns(AnalyzedModel model, LossEmitter? losses)
    {
        var spec = model.Spec;
        var declared = new List<(string Name, string What)>();
        declared.AddRange(spec.Nodes.Select(n => n.Op).OfType<InputOp>().Select(i => (i.Name, "input")));
        if (losses is not null)
        {
            declared.AddRange(losses.Targets.Select(t => (t.Name, "target")));
        }

        declared.AddRange(spec.Outputs.Where(o => !o.ForLoss).Select(o => (o.Name, "output")));
        declared.AddRange(spec.Losses.Select(l => (l.Name, "loss term")));

        var used = ReservedNames.ForRecord("Columns");
        var columns = new List<(string, string, string)>();
        foreach (var group in declared.GroupBy(d => d.Name, System.StringComparer.Ordinal))
        {
            string what = string.Join(", ", group.Select(d => d.What).Distinct());
            columns.Add((group.Key, Names.Unique(Names.PascalCase(group.Key), used), what));
        }

        return columns;
    }

    public static void Write(IndentedWriter w, AnalyzedModel model, MemberNames names, LossEmitter? losses)
    {
        var columns = Columns(model, losses);
        string cref = $"<see cref=\"{Names.Escape(model.Spec.ClassName)}\"/>";
        w.Line();
        w.Line($"/// <summary>The names declared in {cref}'s <c>Define</c>: dataset columns, outputs and loss terms (for <c>Trainer.Predict</c>, metrics, batches).</summary>");
        w.Open("public static class Columns");
        foreach (var (name, constant, what) in columns)
        {
            w.Line($"/// <summary>\"{Names.XmlText(name)}\": {what}.</summary>");
            w.Line($"public const string {constant} = {Names.StringLiteral(name)};");
        }

        w.Close();
        WriteDataset(w, model, names, losses);
    }

    // The column names are written as literals: a parameter named like the Columns class would shadow it.
    private static void WriteDataset(IndentedWriter w, AnalyzedModel model, MemberNames names, LossEmitter? losses)
    {
        var inputs = model.Spec.Nodes.Where(n => n.Op is InputOp).ToList();
        var targets = losses?.Targets ?? new List<LossEmitter.TargetColumn>();
        var used = Names.Set(inputs.Select(i => names.ForwardParameter(i.Id).TrimStart('@')).ToArray());
        var targetParameters = targets.Select(t => Names.Escape(Names.Unique(Names.Sanitize(t.Name), used))).ToList();

        w.Line();
        w.Line("/// <summary>A dataset with this model's columns; it holds its own handles (aliases), the tensors stay the caller's.</summary>");
        foreach (var input in inputs)
        {
            w.Line($"/// <param name=\"{names.ForwardParameter(input.Id).TrimStart('@')}\">{Names.TensorDoc(((InputOp)input.Op).Name, model.InferredTypeOf(input.Id))}, all samples.</param>");
        }

        for (int i = 0; i < targets.Count; i++)
        {
            w.Line($"/// <param name=\"{targetParameters[i].TrimStart('@')}\">{Names.TensorDoc(targets[i].Name, targets[i].Inferred)}, {Names.XmlText(targets[i].Description)}; optional (not needed to predict).</param>");
        }

        w.Line("/// <returns>The dataset; dispose it.</returns>");
        var parameters = inputs.Select(i => $"{Tensor} {names.ForwardParameter(i.Id)}")
            .Concat(targetParameters.Select(p => $"{Tensor}? {p} = null"));
        var entries = inputs.Select(i => $"({Names.StringLiteral(((InputOp)i.Op).Name)}, {names.ForwardParameter(i.Id)})")
            .Concat(targets.Select((t, i) => $"({Names.StringLiteral(t.Name)}, {targetParameters[i]})"));
        w.Line($"public static global::Dsl.Data.TensorDataset Dataset({string.Join(", ", parameters)}) =>");
        w.Line($"    global::Dsl.Data.TensorDataset.Of({string.Join(", ", entries)});");
    }
}
