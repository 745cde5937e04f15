using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Losses;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Shapes.Losses;

/// <summary>A loss term as <c>Define</c> declared it (<c>g.Loss</c>, <c>g.Minimize</c>, <c>MaskedBy</c>), before <see cref="LossWiring"/> checks it.</summary>
internal sealed record LossDeclaration(string Name, int NameSite, LossDescriptor Kind, int Prediction, int TargetNode, double Weight, double Argument, int Site, EquatableArray<ArgSite> ArgSites)
{
    public string? Mask { get; init; }

    public int MaskSite { get; init; } = -1;

    /// <summary>True for <c>MaskedBy(mask, perPosition: true)</c>: a weight per position of the per-sample loss.</summary>
    public bool MaskPerPosition { get; init; }

    /// <summary>The class axis a cross entropy or NLL states, or null.</summary>
    public int? ClassDim { get; init; }

    /// <summary>The class index a cross entropy or NLL leaves out, or null.</summary>
    public long? IgnoreIndex { get; init; }

    /// <summary>The constant the loss compares with (<c>target: 1.0</c>), or null.</summary>
    public double? ConstantTarget { get; init; }

    /// <summary>The loss's named form (<see cref="LossSpec.Variant"/>), or null.</summary>
    public string? Variant { get; init; }

    /// <summary>True where the term reads a target column: it compares with neither a node nor a constant, and is no <c>Minimize</c>.</summary>
    public bool IsSupervised => Kind.TakesTarget && TargetNode < 0 && ConstantTarget is null;
}

/// <summary>
/// The wiring of the loss terms, beside their shape rules (<see cref="LossRules"/>): names, weights and masks, and
/// the outputs a loss needs that the declaration did not name.
/// </summary>
internal static class LossWiring
{
    /// <summary>
    /// Checks the loss terms as a whole (names, weights, masks) and adds the outputs a loss needs but the declaration
    /// did not name: the prediction of a term when it is not an output (a <c>Minimize</c> node, or any node a loss
    /// reads, such as a sequence's logits moved to another layout), and the node a self-supervised loss compares
    /// with when it is not an output already (an input, typically). Such outputs are <see cref="OutputSpec.ForLoss"/>:
    /// forward hands them to <c>ComputeLoss</c>, but they are no declared outputs (not in <c>Info.Outputs</c>,
    /// <c>Trainer.Predict</c> or the ONNX graph).
    /// </summary>
    public static EquatableArray<LossSpec> Check(
        IReadOnlyList<LossDeclaration> losses,
        IReadOnlyList<NodeSpec> built,
        List<OutputSpec> outputs,
        Func<string, string, int, bool> checkName,
        Action<DiagnosticDescriptor, int, string[]> report)
    {
        void Report(DiagnosticDescriptor descriptor, int site, params string[] args) => report(descriptor, site, args);
        bool CheckName(string name, string what, int site) => checkName(name, what, site);

        var terms = new Dictionary<string, LossDeclaration>(StringComparer.Ordinal);
        var targetColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in built)
        {
            if (node.Op is InputOp input)
            {
                targetColumns[input.Name] = "the input '" + input.Name + "'";
            }
        }

        var result = new List<LossSpec>();
        foreach (var loss in losses)
        {
            if (!CheckName(loss.Name, "loss term", loss.NameSite))
            {
                continue;
            }

            if (terms.ContainsKey(loss.Name))
            {
                Report(Descriptors.DuplicateTerm, loss.NameSite, loss.Name);
                continue;
            }

            terms[loss.Name] = loss;
            CheckWeight(loss, report);
            if (loss.IsSupervised)
            {
                ClaimTargetColumn(loss, targetColumns, report);
            }

            AddLossOutputs(loss, built, outputs);
            result.Add(new LossSpec(loss.Name, loss.Kind, loss.Prediction, loss.TargetNode, loss.Mask, loss.Weight, loss.Argument, loss.Site, loss.ArgSites)
            {
                MaskPerPosition = loss.MaskPerPosition,
                MaskSite = loss.MaskSite,
                ClassDim = loss.ClassDim,
                IgnoreIndex = loss.IgnoreIndex,
                ConstantTarget = loss.ConstantTarget,
                Variant = loss.Variant,
            });
        }

        CheckMasks(losses, targetColumns, report);
        return result.ToEquatableArray();
    }

    /// <summary>A weight must be finite and non-negative; 0 is allowed but reported (the term is computed for nothing).</summary>
    private static void CheckWeight(LossDeclaration loss, Action<DiagnosticDescriptor, int, string[]> report)
    {
        int site = SiteOf(loss.ArgSites, "weight", loss.Site);
        if (double.IsNaN(loss.Weight) || double.IsInfinity(loss.Weight) || loss.Weight < 0)
        {
            report(Descriptors.InvalidWeight, site, new[] { loss.Name, loss.Weight.ToString("R", CultureInfo.InvariantCulture) });
        }
        else if (loss.Weight == 0)
        {
            report(Descriptors.ZeroWeight, site, new[] { loss.Name });
        }
    }

    /// <summary>A supervised term's target is a column of batches: its name must not be an input's or another target's.</summary>
    private static void ClaimTargetColumn(LossDeclaration loss, Dictionary<string, string> targetColumns, Action<DiagnosticDescriptor, int, string[]> report)
    {
        if (targetColumns.TryGetValue(loss.Name, out var owner))
        {
            report(Descriptors.TargetNameClash, loss.NameSite, new[] { "Target", loss.Name, owner });
        }
        else
        {
            targetColumns[loss.Name] = "the target of loss '" + loss.Name + "'";
        }
    }

    /// <summary>The prediction, and the node a self-supervised loss compares with, as loss-only outputs where they are no outputs yet.</summary>
    private static void AddLossOutputs(LossDeclaration loss, IReadOnlyList<NodeSpec> built, List<OutputSpec> outputs)
    {
        if (!outputs.Any(o => o.Node == loss.Prediction))
        {
            // A Minimize term's node is named after the term (its values are the term's), another prediction after itself.
            AddOutput(outputs, loss.Kind.TakesTarget ? built[loss.Prediction].Name : loss.Name, loss.Prediction, loss.Site);
        }

        if (loss.TargetNode >= 0 && !outputs.Any(o => o.Node == loss.TargetNode))
        {
            AddOutput(outputs, loss.Name + "_target", loss.TargetNode, loss.Site);
        }
    }

    /// <summary>Masks may be shared by several terms, but must be identifiers and must not take a target's or an input's name.</summary>
    private static void CheckMasks(IReadOnlyList<LossDeclaration> losses, Dictionary<string, string> targetColumns, Action<DiagnosticDescriptor, int, string[]> report)
    {
        var masks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loss in losses.Where(l => l.Mask is not null))
        {
            string mask = loss.Mask!;
            if (!masks.Add(mask))
            {
                continue;
            }

            if (!Names.IsIdentifier(mask))
            {
                report(Descriptors.InvalidName, loss.MaskSite, new[] { mask, "a mask", "use ASCII letters, digits and '_', starting with a letter or '_'" });
            }
            else if (targetColumns.TryGetValue(mask, out var owner))
            {
                report(Descriptors.TargetNameClash, loss.MaskSite, new[] { "Mask", mask, owner });
            }
        }
    }

    private static void AddOutput(List<OutputSpec> outputs, string preferred, int node, int site)
    {
        string name = preferred;
        for (int n = 2; outputs.Any(o => Names.ToPascalCase(o.Name) == Names.ToPascalCase(name)); n++)
        {
            name = preferred + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        outputs.Add(new OutputSpec(name, node, site, ForLoss: true));
    }

    private static int SiteOf(EquatableArray<ArgSite> sites, string parameter, int fallback)
    {
        foreach (var arg in sites)
        {
            if (arg.Parameter == parameter)
            {
                return arg.Site;
            }
        }

        return fallback;
    }
}
