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

    public NodeRef AddNode(Op op, IEnumerable<NodeRef> inputs, string? explicitName, int nameSite, int site, EquatableArray<ArgSite> argSites)
    {
        if (explicitName is not null && CheckName(explicitName, "layer", nameSite))
        {
            if (explicitNames.TryGetValue(explicitName, out _))
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

    public (EquatableArray<NodeSpec> Nodes, EquatableArray<OutputSpec> Outputs) Build()
    {
        var used = new HashSet<string>(explicitNames.Keys, StringComparer.Ordinal);
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

            built.Add(new NodeSpec(id, node.Op, new EquatableArray<int>(node.Inputs), name, node.Site, node.ArgSites));
        }

        return (new EquatableArray<NodeSpec>(built.MoveToImmutable()), outputs.ToEquatableArray());
    }

    private NodeRef Add(Pending pending)
    {
        if (nodes.Count >= MaxNodes)
        {
            throw new InterpretationError(Descriptors.BudgetExceeded, null, MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture), "graph nodes");
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

    private sealed record Pending(Op Op, ImmutableArray<int> Inputs, string? Name, int Site, EquatableArray<ArgSite> ArgSites);
}
