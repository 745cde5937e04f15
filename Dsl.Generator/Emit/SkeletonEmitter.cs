using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// Emits the members of a model that has DSL errors: the same records (<c>Inputs</c>, <c>Outputs</c>,
/// <c>Targets</c>, <c>Losses</c>), constructor, <c>forward</c>, <c>Forward</c>, <c>ComputeLoss</c>, submodel
/// properties and <c>Info</c> as a correct model would have, with bodies that throw and name the errors. Code
/// that uses the model then compiles, so the user sees the DSL error at its line instead of a cascade of
/// CS1061 / CS0117 errors wherever the model is used. Possible once <c>Define</c> was interpreted to the end
/// (its inputs, outputs and losses are known by name).
/// </summary>
internal static class SkeletonEmitter
{
    /// <summary>
    /// True once Define ran to the end without a mistake the interpreter had to go on after: after one, an output or
    /// loss the failed code declared would be missing from the skeleton.
    /// </summary>
    public static bool CanEmit(AnalyzedModel model) => model.Spec.Nodes.Count > 0 && !model.Spec.RecoveredErrors;

    public static string Emit(AnalyzedModel model, System.Threading.CancellationToken cancellationToken = default)
    {
        var spec = model.Spec;
        var names = new MemberNames(spec);
        var inputs = spec.Nodes.Where(n => n.Op is InputOp).ToList();
        var losses = LossEmitter.HasLosses(model) ? new LossEmitter(model, names) : null;
        string fail = $"throw new global::System.InvalidOperationException({Names.StringLiteral(FailureMessage(model))});";

        var w = new IndentedWriter(cancellationToken);
        ModelEmitter.OpenClass(w, spec, losses is not null, "the members of a model with DSL errors; they throw until the errors are fixed");
        ModelEmitter.WriteRecords(w, model, names, inputs);
        losses?.WriteRecords(w);

        for (int i = 0; i < spec.Uses.Count; i++)
        {
            var use = spec.Uses[i];
            w.Line();
            w.Line($"/// <summary>The submodel '{Names.XmlText(use.Name)}'; not available while the model has DSL errors.</summary>");
            w.Line($"public global::{use.Model} {names.UseProperty(i)} => {fail}");
        }

        w.Line();
        w.Line("/// <summary>Not available while the model has DSL errors (see the build's DSL diagnostics); always throws.</summary>");
        w.Line("/// <param name=\"name\">The module's name.</param>");
        w.Line($"public {Names.Escape(spec.ClassName)}(string name = {Names.StringLiteral(spec.ClassName)}) : base(name) => {fail}");
        w.Line();
        w.Line("/// <summary>Not available while the model has DSL errors; always throws.</summary>");
        w.Line("/// <param name=\"inputs\">The input tensors.</param>");
        w.Line("/// <returns>Nothing: it throws.</returns>");
        w.Line($"public override Outputs forward(Inputs inputs) => {fail}");
        ModelEmitter.WriteForwardByName(w, model, names, inputs);

        if (losses is not null)
        {
            w.Line();
            w.Line("/// <summary>Not available while the model has DSL errors; always throws.</summary>");
            w.Line("/// <param name=\"outputs\">The outputs of a batch.</param>");
            w.Line("/// <param name=\"targets\">The targets of the batch.</param>");
            w.Line("/// <returns>Nothing: it throws.</returns>");
            w.Line($"public Losses ComputeLoss(Outputs outputs, Targets targets) => {fail}");
            losses.WriteTrainableMembers(w);
        }

        DataEmitter.Write(w, model, names, losses);

        w.Line();
        w.Line("/// <summary>Not available while the model has DSL errors; always throws.</summary>");
        w.Line($"public static global::Dsl.Metadata.ModelInfo Info => {fail}");
        w.Close();
        return w.ToString();
    }

    /// <summary>"Model 'X' has DSL errors: DSL0002: ...; fix them (the build reports each at its line)."</summary>
    private static string FailureMessage(AnalyzedModel model)
    {
        var errors = model.Diagnostics.Where(d => Descriptors.IsError(d.Id)).Select(Descriptors.Format).ToList();
        string which = errors.Count > 0 ? ": " + string.Join("; ", errors) : "";
        return $"Model '{model.Spec.ClassName}' was not generated because its Define has DSL errors{which}. Fix them; the build reports each at its line.";
    }
}
