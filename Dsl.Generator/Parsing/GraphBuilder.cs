using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Collects what interpreting Define declares: nodes, outputs, the site table and non-fatal diagnostics
/// (duplicate or invalid names). Generated names (<c>conv2d_1</c>) are assigned at the end, so they never
/// collide with an explicit name declared later.
/// </summary>
internal sealed class GraphBuilder
{
    /// <summary>Member names of the generated class and locals of <c>forward</c> that no layer, input or output may take.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Inputs", "Outputs", "Targets", "Losses", "Info", "Define", "forward", "Forward", "ComputeLoss",
        "inputs", "outputs", "targets", "batch", "training", "name",
    };

    public const int MaxNodes = 5000;

    private readonly string modelName;
    private readonly List<Location> sites = new();
    private readonly List<DiagnosticInfo> diagnostics = new();
    private readonly List<Pending> nodes = new();
    private readonly List<OutputSpec> outputs = new();
    private readonly List<PendingLoss> losses = new();
    private readonly List<UseSpec> uses = new();
    private readonly Dictionary<string, int> explicitNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> outputMembers = new(StringComparer.Ordinal);

    public GraphBuilder(string modelName) => this.modelName = modelName;

    public IReadOnlyList<Location> Sites => sites;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => diagnostics;

    public int AddSite(Location location)
    {
        sites.Add(location);
        return sites.Count - 1;
    }

    public void Report(DiagnosticDescriptor descriptor, int site, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, modelName, site, args));

    /// <summary>Reports <paramref name="descriptor"/> with the edit that fixes it.</summary>
    public void ReportWithFix(FixSpec fix, DiagnosticDescriptor descriptor, int site, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, modelName, site, args) with { Fix = fix });

    public NodeRef AddInput(string name, int nameSite, EquatableArray<DimExpr> dims, int site, EquatableArray<ArgSite> argSites)
    {
        if (CheckName(name, "input", nameSite))
        {
            if (explicitNames.ContainsKey(name))
            {
                Report(nodes[explicitNames[name]].Op is InputOp ? Descriptors.DuplicateInput : Descriptors.DuplicateLayerName, nameSite, name, DescribeOwner(name), modelName);
            }
            else
            {
                explicitNames[name] = nodes.Count;
            }
        }

        return Add(new Pending(new InputOp(name, dims), ImmutableArray<int>.Empty, name, site, argSites));
    }

    /// <summary>The block being applied, and how many layers this application has created so far.</summary>
    private (BlockRef Block, int Layers, int Site, bool Reported)? applying;

    /// <summary>Interprets one application of a shared block: layers created meanwhile join (or reuse) the block's layers.</summary>
    public NodeRef ApplyBlock(BlockRef block, int site, Func<NodeRef> body)
    {
        if (applying is not null)
        {
            throw new InterpretationError(Descriptors.Unsupported, (SyntaxNode?)null, block.Name + ".Apply", "a shared block cannot be applied inside another block's lambda");
        }

        applying = (block, 0, site, false);
        try
        {
            var result = body();
            if (block.Applications > 0 && applying.Value.Layers != block.Layers.Count && !applying.Value.Reported)
            {
                Report(Descriptors.BlockNotRepeatable, site, block.Name, $"{applying.Value.Layers} layer(s)", $"{block.Layers.Count}");
            }

            block.Applications++;
            return result;
        }
        finally
        {
            applying = null;
        }
    }

    public NodeRef AddNode(Op op, IEnumerable<NodeRef> inputs, string? explicitName, int nameSite, int site, EquatableArray<ArgSite> argSites)
    {
        int sharedWith = -1;
        if (applying is { } application && op.IsLayer)
        {
            var block = application.Block;
            int k = application.Layers;
            applying = (block, k + 1, application.Site, application.Reported);
            if (block.Applications == 0)
            {
                block.Layers.Add(nodes.Count);
                explicitName ??= block.Name + "_" + op.NamePrefix + "_" + (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (k < block.Layers.Count && nodes[block.Layers[k]].Op == op)
            {
                sharedWith = block.Layers[k];
                explicitName = null;
            }
            else
            {
                string created = op.Kind;
                string expected = k < block.Layers.Count ? nodes[block.Layers[k]].Op.Kind : "no further layer";
                if (!application.Reported)
                {
                    Report(Descriptors.BlockNotRepeatable, application.Site, block.Name, created, expected);
                    applying = (block, k + 1, application.Site, true);
                }

                explicitName = null;
            }
        }

        if (sharedWith >= 0)
        {
            // Named after the layer it reuses and the application: proj_linear_1_2 is proj_linear_1 applied a second time.
            string name = nodes[sharedWith].Name + "_" + (applying!.Value.Block.Applications + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Its diagnostics point at the application (the Apply call), where the mismatching input is given.
            return Add(new Pending(op, inputs.Select(i => i.Id).ToImmutableArray(), name, applying.Value.Site, EquatableArray<ArgSite>.Empty) { SharedWith = sharedWith });
        }

        if (explicitName is not null && CheckName(explicitName, "layer", nameSite))
        {
            if (uses.Any(u => u.Name == explicitName))
            {
                Report(Descriptors.DuplicateLayerName, nameSite, explicitName, "a submodel", modelName);
                explicitName = null;
            }
            else if (explicitNames.TryGetValue(explicitName, out _))
            {
                Report(Descriptors.DuplicateLayerName, nameSite, explicitName, DescribeOwner(explicitName), modelName);
                explicitName = null;
            }
            else
            {
                explicitNames[explicitName] = nodes.Count;
            }
        }

        return Add(new Pending(op, inputs.Select(i => i.Id).ToImmutableArray(), explicitName, site, argSites));
    }

    public void AddOutput(string name, int nameSite, NodeRef node, int site)
    {
        if (!CheckName(name, "output", nameSite))
        {
            return;
        }

        string member = Names.ToPascalCase(name);
        if (outputMembers.TryGetValue(member, out var existing))
        {
            Report(Descriptors.DuplicateOutput, nameSite, existing == name ? name : $"{name}' (the member '{member}' of '{existing}')");
            return;
        }

        outputMembers[member] = name;
        outputs.Add(new OutputSpec(name, node.Id, site));
    }

    /// <summary>Declares a submodel; its name shares the namespace of layer names (both are state-dict prefixes).</summary>
    public SubModelRef AddUse(string name, int nameSite, string model, bool frozen, int site)
    {
        if (CheckName(name, "submodel", nameSite))
        {
            var existing = uses.FirstOrDefault(u => u.Name == name);
            if (existing is not null || explicitNames.ContainsKey(name))
            {
                Report(Descriptors.DuplicateSubmodel, nameSite, name, existing is not null ? "another submodel" : DescribeOwner(name), modelName);
            }
        }

        uses.Add(new UseSpec(name, model, frozen, site));
        return new SubModelRef(uses.Count - 1, name);
    }

    public EquatableArray<UseSpec> Uses => uses.ToEquatableArray();

    /// <summary>Declares a loss term; names, weights and masks are checked when the graph is built.</summary>
    public LossTermRef AddLoss(string name, int nameSite, LossKind kind, NodeRef prediction, int targetNode, double weight, double margin, int site, EquatableArray<ArgSite> argSites)
    {
        losses.Add(new PendingLoss(name, nameSite, kind, prediction.Id, targetNode, weight, margin, site, argSites));
        return new LossTermRef(losses.Count - 1);
    }

    public void SetMask(LossTermRef term, string mask, int maskSite)
    {
        var loss = losses[term.Index];
        if (loss.Mask is not null)
        {
            Report(Descriptors.InvalidArgument, maskSite, "MaskedBy", $"loss '{loss.Name}' already has the mask '{loss.Mask}'; a term takes one mask");
            return;
        }

        losses[term.Index] = loss with { Mask = mask, MaskSite = maskSite };
    }

    public (EquatableArray<NodeSpec> Nodes, EquatableArray<OutputSpec> Outputs, EquatableArray<LossSpec> Losses) Build()
    {
        var used = new HashSet<string>(explicitNames.Keys.Concat(uses.Select(u => u.Name)), StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var built = ImmutableArray.CreateBuilder<NodeSpec>(nodes.Count);
        for (int id = 0; id < nodes.Count; id++)
        {
            var node = nodes[id];
            string? name = node.Name;
            if (name is null)
            {
                string prefix = node.Op.NamePrefix;
                counters.TryGetValue(prefix, out int n);
                do
                {
                    n++;
                    name = prefix + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                while (!used.Add(name));
                counters[prefix] = n;
            }

            built.Add(new NodeSpec(id, node.Op, new EquatableArray<int>(node.Inputs), name, node.Site, node.ArgSites, node.SharedWith, SourceOf(node.Site)));
        }

        var lossSpecs = BuildLosses(built);
        return (new EquatableArray<NodeSpec>(built.MoveToImmutable()), outputs.ToEquatableArray(), lossSpecs);
    }

    /// <summary>
    /// Checks the loss terms as a whole (names, weights, masks; every prediction an output) and adds the outputs a
    /// loss needs but the declaration did not name: the node of a <c>Minimize</c> term, and the node a
    /// self-supervised loss compares with when it is not an output already (an input, typically).
    /// </summary>
    private EquatableArray<LossSpec> BuildLosses(IReadOnlyList<NodeSpec> built)
    {
        var terms = new Dictionary<string, PendingLoss>(StringComparer.Ordinal);
        var targetColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes)
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
            if (double.IsNaN(loss.Weight) || double.IsInfinity(loss.Weight) || loss.Weight < 0)
            {
                Report(Descriptors.InvalidWeight, SiteOf(loss.ArgSites, "weight", loss.Site), loss.Name, Interpreter.Format(loss.Weight));
            }

            bool supervised = loss.Kind != LossKind.Minimize && loss.TargetNode < 0;
            if (supervised)
            {
                if (targetColumns.TryGetValue(loss.Name, out var owner))
                {
                    Report(Descriptors.TargetNameClash, loss.NameSite, "Target", loss.Name, owner);
                }
                else
                {
                    targetColumns[loss.Name] = "the target of loss '" + loss.Name + "'";
                }
            }

            if (loss.Kind != LossKind.Minimize && !outputs.Any(o => o.Node == loss.Prediction))
            {
                Report(Descriptors.LossOnNonOutput, loss.Site, loss.Name, built[loss.Prediction].Name);
            }
            else if (loss.Kind == LossKind.Minimize && !outputs.Any(o => o.Node == loss.Prediction))
            {
                AddLossOutput(loss.Name, loss.Prediction, loss.Site);
            }

            if (loss.TargetNode >= 0 && !outputs.Any(o => o.Node == loss.TargetNode))
            {
                AddLossOutput(loss.Name + "_target", loss.TargetNode, loss.Site);
            }

            result.Add(new LossSpec(loss.Name, loss.Kind, loss.Prediction, loss.TargetNode, loss.Mask, loss.Weight, loss.Margin, loss.Site, loss.ArgSites));
        }

        // Masks may be shared by several terms, but must not take a target's or an input's name.
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
                Report(Descriptors.InvalidName, loss.MaskSite, mask, "a mask", "use ASCII letters, digits and '_', starting with a letter or '_'");
            }
            else if (targetColumns.TryGetValue(mask, out var owner))
            {
                Report(Descriptors.TargetNameClash, loss.MaskSite, "Mask", mask, owner);
            }
        }

        return result.ToEquatableArray();
    }

    private void AddLossOutput(string preferred, int node, int site)
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

    private SourceLine? SourceOf(int site)
    {
        if (site < 0 || site >= sites.Count || !sites[site].IsInSource)
        {
            return null;
        }

        var span = sites[site].GetLineSpan();
        return span.Path.Length == 0 ? null : new SourceLine(span.Path, span.StartLinePosition.Line + 1);
    }

    private NodeRef Add(Pending pending)
    {
        if (nodes.Count >= MaxNodes)
        {
            throw new InterpretationError(Descriptors.BudgetExceeded, (SyntaxNode?)null, MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture), "graph nodes");
        }

        nodes.Add(pending);
        return new NodeRef(nodes.Count - 1);
    }

    private string DescribeOwner(string name)
    {
        var owner = nodes[explicitNames[name]];
        return owner.Op is InputOp ? "an input" : "another " + owner.Op.Kind;
    }

    private bool CheckName(string name, string what, int site)
    {
        if (!Names.IsIdentifier(name))
        {
            Report(Descriptors.InvalidName, site, name, Article(what), "use ASCII letters, digits and '_', starting with a letter or '_'");
            return false;
        }

        if (Reserved.Contains(name))
        {
            Report(Descriptors.InvalidName, site, name, Article(what), "it is reserved for a member of the generated module; choose another name");
            return false;
        }

        return true;
    }

    private static string Article(string what) => (what[0] == 'i' || what[0] == 'o' ? "an " : "a ") + what;

    private sealed record PendingLoss(string Name, int NameSite, LossKind Kind, int Prediction, int TargetNode, double Weight, double Margin, int Site, EquatableArray<ArgSite> ArgSites)
    {
        public string? Mask { get; init; }

        public int MaskSite { get; init; } = -1;
    }

    private sealed record Pending(Op Op, ImmutableArray<int> Inputs, string? Name, int Site, EquatableArray<ArgSite> ArgSites)
    {
        public int SharedWith { get; init; } = -1;
    }
}
