using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Losses;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// Emits the loss wiring of a model that declares losses: the <c>Targets</c> record (one member per supervised
/// target and per mask), the <c>Losses</c> record (the weighted <c>Total</c> and one tensor per term),
/// <c>ComputeLoss(Outputs, Targets)</c> with run-time checks of every target, and the
/// <c>ITrainableModel</c> members the trainer uses (batches of named columns).
/// </summary>
internal sealed class LossEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";
    private const string Training = "global::Dsl.Training.";

    private readonly AnalyzedModel model;
    private readonly MemberNames names;
    private readonly List<TargetColumn> targets = new();
    private readonly List<string> termMembers = new();

    public LossEmitter(AnalyzedModel model, MemberNames names)
    {
        this.model = model;
        this.names = names;

        var targetUsed = ReservedNames.ForRecord("Targets", "Dispose");
        for (int i = 0; i < model.Spec.Losses.Count; i++)
        {
            var loss = model.Spec.Losses[i];
            if (loss.IsSupervised)
            {
                var target = i < model.Losses.Count ? model.Losses[i].Target : null;
                string member = Names.Unique(Names.PascalCase(loss.Name), targetUsed);
                targets.Add(new TargetColumn(loss.Name, member, names.ClassMember(member + "TargetShape"), target, $"the target of loss '{loss.Name}' ({loss.KindName})"));
            }
        }

        foreach (var mask in model.Spec.Losses.Select(l => l.Mask).OfType<string>().Distinct())
        {
            int first = model.Spec.Losses.Select((l, i) => (l, i)).First(p => p.l.Mask == mask).i;
            var type = first < model.Losses.Count ? model.Losses[first].Mask ?? AnalyzedModel.MaskType : AnalyzedModel.MaskType;
            string description = type.Dims.Count == 0
                ? "a per-sample mask: 1 counts the sample, 0 drops it"
                : "a per-position mask: 1 counts the position, 0 drops it, fractions weight it (non-negative)";
            string maskMember = Names.Unique(Names.PascalCase(mask), targetUsed);
            targets.Add(new TargetColumn(mask, maskMember, names.ClassMember(maskMember + "TargetShape"), type, description));
        }

        var termUsed = ReservedNames.ForRecord("Losses", "Total", "Terms", "Dispose");
        foreach (var loss in model.Spec.Losses)
        {
            termMembers.Add(Names.Unique(Names.PascalCase(loss.Name), termUsed));
        }
    }

    public static bool HasLosses(AnalyzedModel model) => model.Spec.Losses.Count > 0;

    /// <summary>The target and mask columns a batch must provide, in <c>Targets</c> order.</summary>
    public IReadOnlyList<TargetColumn> Targets => targets;

    public void WriteRecords(IndentedWriter w)
    {
        string cref = $"<see cref=\"{Names.Escape(model.Spec.ClassName)}\"/>";
        w.Line();
        w.Line($"/// <summary>The targets the losses of {cref} compare with; <c>B</c> is the batch size of the outputs.</summary>");
        foreach (var target in targets)
        {
            w.Line($"/// <param name=\"{target.Member}\">{Names.TensorDoc(target.Name, target.Inferred)}, {Names.XmlText(target.Description)}</param>");
        }

        w.Line($"public sealed record Targets({string.Join(", ", targets.Select(t => $"{Tensor} {t.Member}"))});");

        w.Line();
        w.Line($"/// <summary>The loss of one batch of {cref}: the weighted total and every term (unweighted); disposing it disposes them.</summary>");
        w.Line("/// <param name=\"Total\">The weighted sum of the terms, the value to minimize.</param>");
        for (int i = 0; i < model.Spec.Losses.Count; i++)
        {
            var loss = model.Spec.Losses[i];
            w.Line($"/// <param name=\"{termMembers[i]}\">{Names.XmlText(loss.Name)}: {loss.KindName}, weight {Names.DoubleLiteral(loss.Weight)}</param>");
        }

        w.Open($"public sealed record Losses({Tensor} Total, {string.Join(", ", termMembers.Select(m => $"{Tensor} {m}"))}) : {Training}ILosses");
        w.Line("/// <summary>Every term by name with its weight, in declaration order.</summary>");
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{Training}LossValue> Terms => new {Training}LossValue[]");
        w.Open();
        for (int i = 0; i < model.Spec.Losses.Count; i++)
        {
            var loss = model.Spec.Losses[i];
            w.Line($"new {Training}LossValue({Names.StringLiteral(loss.Name)}, {termMembers[i]}, {Names.DoubleLiteral(loss.Weight)}),");
        }

        w.Close(";");
        w.Line();
        w.Line("/// <summary>Disposes the total and every term.</summary>");
        w.Open("public void Dispose()");
        w.Line("Total.Dispose();");
        foreach (var member in termMembers)
        {
            w.Line($"{member}.Dispose();");
        }

        w.Close();
        w.Close();
    }

    public void WriteShapeArrays(IndentedWriter w)
    {
        foreach (var target in targets)
        {
            var sizes = new[] { "-1" }.Concat(target.Type.Dims.Select(d => d.IsKnown ? Names.IntLiteral(d.Value) : "-1"));
            w.Line();
            w.Line($"/// <summary>The shape target <c>{Names.XmlText(target.Name)}</c> must have, {target.Type.RoleShapeText}.</summary>");
            w.Line($"private static readonly long[] {target.ShapeArray} = {{ {string.Join(", ", sizes)} }};");
        }
    }

    public void WriteComputeLoss(IndentedWriter w)
    {
        var spec = model.Spec;
        w.Line();
        w.Line("/// <summary>Computes every loss term and their weighted total for one batch.</summary>");
        w.Line("/// <param name=\"outputs\">The outputs of <see cref=\"forward(Inputs)\"/> for the batch.</param>");
        w.Line("/// <param name=\"targets\">The targets; their shapes and dtypes are checked first.</param>");
        w.Line("/// <returns>The total and every term.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A target has the wrong shape or dtype, or its batch size differs from the outputs'.</exception>");
        w.Open("public Losses ComputeLoss(Outputs outputs, Targets targets)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(outputs);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(targets);");
        if (targets.Count > 0)
        {
            // The batch size of the first declared output, or where a model declares none (its losses read other nodes)
            // of the first tensor a loss reads; a batch statistic ([1, ...], one row for the batch) has no batch size to give.
            var ordered = spec.Outputs.Select((o, i) => (o, i)).OrderBy(p => model.InferredTypeOf(p.o.Node)?.BatchOne == true).ThenBy(p => p.o.ForLoss).ToList();
            int firstOutput = ordered.Count == 0 ? 0 : ordered[0].i;
            string first = spec.Outputs[firstOutput].ForLoss
                ? $"(outputs.{names.OutputMember(firstOutput)} ?? throw new global::System.ArgumentException({Names.StringLiteral(LossOnlyMissing(spec.Outputs[firstOutput]))}, nameof(outputs)))"
                : $"outputs.{names.OutputMember(firstOutput)}";
            w.Line($"long batch = {first}.shape[0];");
            for (int i = 0; i < targets.Count; i++)
            {
                var target = targets[i];
                string call = $"global::Dsl.Checks.TensorCheck.Check({Names.StringLiteral(spec.ClassName)}, \"target\", {Names.StringLiteral(target.Name)}, " +
                    $"targets.{target.Member}, {target.ShapeArray}, {Names.StringLiteral(target.Type.ShapeText)}, " +
                    $"global::TorchSharp.torch.ScalarType.{(target.Type.DType == DType.Int64 ? "Int64" : "Float32")}, batch)";
                w.Line((i == targets.Count - 1 ? "" : "batch = ") + call + ";");
            }
        }

        w.Line();
        // The target shape arrays are read by bare name before the term locals are declared: a local of that name would hide them (CS0844).
        var locals = Names.Set(new[] { "outputs", "targets", "batch", "total" }.Concat(targets.Select(t => t.ShapeArray)).ToArray());
        var termLocals = new List<string>();
        for (int i = 0; i < spec.Losses.Count; i++)
        {
            var loss = spec.Losses[i];
            string local = Names.Escape(Names.Unique(Names.Sanitize(loss.Name), locals));
            termLocals.Add(local);
            w.Line($"var {local} = {Expression(i)};");
        }

        string total = string.Join(" + ", spec.Losses.Select((l, i) => l.Weight == 1.0 ? termLocals[i] : $"{Names.DoubleLiteral(l.Weight)} * {termLocals[i]}"));
        w.Line($"var total = {(spec.Losses.Count == 1 && spec.Losses[0].Weight == 1.0 ? termLocals[0] + ".alias()" : total)};");
        w.Line($"return new Losses(total, {string.Join(", ", termLocals)});");
        w.Close();
    }

    public void WriteTrainableMembers(IndentedWriter w)
    {
        var spec = model.Spec;
        var inputs = spec.Nodes.Where(n => n.Op is InputOp).ToList();
        var inputNames = inputs.Select(n => ((InputOp)n.Op).Name).ToList();
        string className = Names.StringLiteral(spec.ClassName);
        string Needed(IEnumerable<string> columns) => "new[] { " + string.Join(", ", columns.Select(Names.StringLiteral)) + " }";
        string stepNeeds = Needed(inputNames.Concat(targets.Select(t => t.Name)));
        string Column(string name, string needed) => $"{Training}BatchColumns.Get(batch, {Names.StringLiteral(name)}, {className}, {needed})";

        w.Line();
        w.Line("/// <summary>The model's metadata, for the trainer.</summary>");
        w.Line($"global::Dsl.Metadata.ModelInfo {Training}ITrainableModel.ModelInfo => Info;");
        w.Line();
        w.Line("/// <summary>Runs forward on the batch's input columns and computes the loss against its target columns.</summary>");
        w.Open($"{Training}StepResult {Training}ITrainableModel.Step(global::System.Collections.Generic.IReadOnlyDictionary<string, {Tensor}> batch)");
        w.Line($"var outputs = forward(new Inputs({string.Join(", ", inputNames.Select(n => Column(n, stepNeeds)))}));");
        w.Line($"var losses = ComputeLoss(outputs, new Targets({string.Join(", ", targets.Select(t => Column(t.Name, stepNeeds)))}));");
        var lossOnly = LossOnlyPredictions().ToList();
        if (lossOnly.Count == 0)
        {
            w.Line($"return new {Training}StepResult(OutputsByName(outputs), losses);");
        }
        else
        {
            // A classification term's metrics read its prediction; where only the loss reads it, the step hands it on too.
            w.Line("var byName = OutputsByName(outputs);");
            foreach (var (key, index) in lossOnly)
            {
                w.Line($"byName[{Names.StringLiteral(key)}] = outputs.{names.OutputMember(index)}!;");
            }

            w.Line($"return new {Training}StepResult(byName, losses);");
        }
        w.Close();
        w.Line();
        w.Line("/// <summary>Runs forward on the batch's input columns only: the outputs by declared name.</summary>");
        string inferNeeds = Needed(inputNames);
        w.Line($"global::System.Collections.Generic.IReadOnlyDictionary<string, {Tensor}> {Training}ITrainableModel.Infer(global::System.Collections.Generic.IReadOnlyDictionary<string, {Tensor}> batch) =>");
        w.Line($"    OutputsByName(forward(new Inputs({string.Join(", ", inputNames.Select(n => Column(n, inferNeeds)))})));");
        w.Line();
        w.Line("/// <summary>The declared outputs by name (each tensor once, an input passed through left out); tensors only a loss reads are no outputs.</summary>");
        w.Open($"private static global::System.Collections.Generic.Dictionary<string, {Tensor}> OutputsByName(Outputs outputs)");
        w.Line($"var byName = new global::System.Collections.Generic.Dictionary<string, {Tensor}>();");
        var seen = new HashSet<int>();
        for (int i = 0; i < spec.Outputs.Count; i++)
        {
            var output = spec.Outputs[i];
            if (!output.ForLoss && spec.Nodes[output.Node].Op is not InputOp && seen.Add(output.Node))
            {
                w.Line($"byName[{Names.StringLiteral(output.Name)}] = outputs.{names.OutputMember(i)};");
            }
        }

        w.Line("return byName;");
        w.Close();
    }

    /// <summary>
    /// The predictions of classification terms that are no declared output (a loss may read any node): the name
    /// <c>Info</c> gives each (<see cref="InfoLossLines"/>) and its loss-only <c>Outputs</c> member.
    /// </summary>
    private IEnumerable<(string Key, int Index)> LossOnlyPredictions()
    {
        var spec = model.Spec;
        var seen = new HashSet<int>();
        foreach (var loss in spec.Losses)
        {
            if (loss.Kind.IsClassification && loss.IsSupervised &&
                !spec.Outputs.Any(o => o.Node == loss.Prediction && !o.ForLoss) && seen.Add(loss.Prediction))
            {
                int index = spec.Outputs.Select((o, i) => (o, i)).First(p => p.o.Node == loss.Prediction).i;
                yield return (spec.Nodes[loss.Prediction].Name, index);
            }
        }
    }

    /// <summary>The <c>Losses</c> and <c>Targets</c> arguments of the generated <c>Info</c>.</summary>
    public IEnumerable<string> InfoLossLines()
    {
        var spec = model.Spec;
        for (int i = 0; i < spec.Losses.Count; i++)
        {
            var loss = spec.Losses[i];
            // A declared output by its name; a node that is not one (a Minimize node, any node a loss reads) by its layer name.
            string prediction = spec.Outputs.FirstOrDefault(o => o.Node == loss.Prediction && !o.ForLoss)?.Name ?? spec.Nodes[loss.Prediction].Name;
            string target = loss.IsSupervised ? Names.StringLiteral(loss.Name) : "null";
            string mask = loss.Mask is null ? "null" : Names.StringLiteral(loss.Mask);
            bool classification = loss.Kind.IsClassification;
            string targetNode = loss.TargetNode >= 0 ? $", TargetNode = {Names.StringLiteral(spec.Nodes[loss.TargetNode].Name)}" : "";
            yield return $"new global::Dsl.Metadata.LossInfo({Names.StringLiteral(loss.Name)}, {Names.StringLiteral(loss.KindName)}, {Names.DoubleLiteral(loss.Weight)}, " +
                $"{Names.StringLiteral(prediction)}, {target}, {mask}, {Names.BoolLiteral(classification)}) " +
                $"{{ PredictionNode = {Names.StringLiteral(spec.Nodes[loss.Prediction].Name)}{targetNode}{ClassOptions(i)} }},";
        }
    }

    /// <summary>The class axis where it is not 1 and the ignored index where there is one, as <c>Info</c> initializers.</summary>
    private string ClassOptions(int index)
    {
        var loss = model.Spec.Losses[index];
        int axis = ClassAxis(index);
        return (axis == 1 ? "" : $", ClassDim = {Names.IntLiteral(axis)}") +
            (loss.IgnoreIndex is long ignored ? $", IgnoreIndex = {ignored.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");
    }

    /// <summary>The class axis of a cross entropy or NLL term as shape inference resolved it (1 for other terms).</summary>
    private int ClassAxis(int index) => index < model.Losses.Count && model.Spec.Losses[index].HasClassAxis ? model.Losses[index].ClassAxis : 1;

    private string Expression(int index)
    {
        var spec = model.Spec;
        var loss = spec.Losses[index];
        string prediction = Read(loss.Prediction);
        string target = loss.TargetNode >= 0
            ? Read(loss.TargetNode)
            : loss.IsSupervised ? "targets." + targets.First(t => t.Name == loss.Name).Member : "";
        string mask = loss.Mask is null ? "" : ", targets." + targets.First(t => t.Name == loss.Mask).Member;
        if (loss.ConstantTarget is double constant)
        {
            target = Names.DoubleLiteral(constant);
        }

        return loss.Kind.TorchSharp(new TorchSharpLossCall(loss, Training + "LossFunctions." + loss.Kind.RunTime, prediction, target, mask, ClassAxis(index)));

        // A declared output is a positional member; a tensor only a loss reads is the non-positional one forward sets
        // (null in an Outputs built by hand without it: an ArgumentException naming it).
        string Read(int node)
        {
            int index = OutputIndex(node);
            var output = spec.Outputs[index];
            string member = "outputs." + names.OutputMember(index);
            return output.ForLoss
                ? $"{member} ?? throw new global::System.ArgumentException({Names.StringLiteral(LossOnlyMissing(output))}, nameof(outputs))"
                : member;
        }

        int OutputIndex(int node)
        {
            for (int i = 0; i < spec.Outputs.Count; i++)
            {
                if (spec.Outputs[i].Node == node)
                {
                    return i;
                }
            }

            throw new System.InvalidOperationException($"loss '{loss.Name}' reads node {node}, which is not an output");
        }
    }

    /// <summary>The message when an <c>Outputs</c> lacks a tensor only a loss reads (one built by hand rather than by forward).</summary>
    private string LossOnlyMissing(OutputSpec output) =>
        $"{model.Spec.ClassName}: the outputs carry no '{output.Name}', the tensor a loss term reads beside the declared outputs; " +
        "forward sets it: pass the Outputs that forward returned, or set the member when building Outputs by hand.";

    /// <summary>A target or mask column: declared name, <c>Targets</c> member, the class's array of its expected shape, inferred type (null where shape
    /// inference failed, in a skeleton) and what it is for.</summary>
    internal sealed record TargetColumn(string Name, string Member, string ShapeArray, TensorType? Inferred, string Description)
    {
        /// <summary>The inferred type; only a model without errors is emitted beyond its records, and it has one.</summary>
        public TensorType Type => Inferred ?? throw new System.InvalidOperationException($"target '{Name}' has no inferred type");
    }
}
