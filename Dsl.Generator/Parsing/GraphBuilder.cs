using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes.Losses;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Collects what interpreting Define declares: nodes, outputs, the site table and non-fatal diagnostics
/// (duplicate or invalid names). Generated names (<c>conv2d_1</c>) are assigned at the end, so they never
/// collide with an explicit name declared later. <c>GraphBuilder.Names.cs</c> checks names,
/// <c>GraphBuilder.Blocks.cs</c> shares the layers of a block's applications; the site table is <see cref="SiteTable"/>
/// and the checks of the loss terms as a whole are <see cref="LossWiring"/>, beside the loss rules.
/// </summary>
internal sealed partial class GraphBuilder
{
    public const int MaxNodes = 5000;

    private readonly string modelName;
    private readonly SiteTable sites = new();
    private readonly List<DiagnosticInfo> diagnostics = new();
    private readonly List<Pending> nodes = new();
    private readonly List<OutputSpec> outputs = new();
    private readonly List<LossDeclaration> losses = new();
    private readonly List<UseSpec> uses = new();
    private readonly Dictionary<string, int> explicitNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> outputMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> inits = new();
    private string defaultInit = LayerInit.PyTorch;
    private int defaultInitSite = -1;

    public GraphBuilder(string modelName) => this.modelName = modelName;

    public IReadOnlyList<Location> Sites => sites.All;

    public IReadOnlyList<DiagnosticInfo> Diagnostics => diagnostics;

    public int AddSite(Location location) => sites.Add(location);

    public void Report(DiagnosticDescriptor descriptor, int site, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, modelName, site, args));

    /// <summary>Reports <paramref name="descriptor"/> with the edit that fixes it.</summary>
    public void ReportWithFix(FixSpec fix, DiagnosticDescriptor descriptor, int site, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, modelName, site, args) with { Fix = fix });

    public NodeRef AddInput(string name, int nameSite, EquatableArray<DimExpr> dims, DType dtype, int site, EquatableArray<ArgSite> argSites, InputLayout layout = InputLayout.Default)
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

        return Add(new Pending(new InputOp(name, dims, dtype) { Layout = layout }, ImmutableArray<int>.Empty, name, site, argSites));
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
            else if (!CheckScopes(explicitName, nameSite))
            {
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
            else if (scopes.TryGetValue(name, out var nested))
            {
                Report(Descriptors.DuplicateSubmodel, nameSite, name, $"the scope of layer '{nested}'", modelName);
            }
        }

        uses.Add(new UseSpec(name, model, frozen, site));
        return new SubModelRef(uses.Count - 1, name);
    }

    public EquatableArray<UseSpec> Uses => uses.ToEquatableArray();

    /// <summary>Declares a loss term; names, weights and masks are checked when the graph is built.</summary>
    public LossTermRef AddLoss(string name, int nameSite, Losses.LossDescriptor kind, NodeRef prediction, int targetNode, double weight, double argument, int site, EquatableArray<ArgSite> argSites)
    {
        losses.Add(new LossDeclaration(name, nameSite, kind, prediction.Id, targetNode, weight, argument, site, argSites));
        return new LossTermRef(losses.Count - 1);
    }

    /// <summary><c>classDim:</c> and <c>ignoreIndex:</c> of a cross entropy or NLL term.</summary>
    public void SetClassOptions(LossTermRef term, int? classDim, long? ignoreIndex) =>
        losses[term.Index] = losses[term.Index] with { ClassDim = classDim, IgnoreIndex = ignoreIndex };

    /// <summary>The loss's named form (<see cref="LossFunctionRef.Variant"/>), or null for its only or default one.</summary>
    public void SetVariant(LossTermRef term, string? variant) =>
        losses[term.Index] = losses[term.Index] with { Variant = variant };

    /// <summary>The constant a term compares with (<c>target: 1.0</c>) instead of a target column.</summary>
    public void SetConstantTarget(LossTermRef term, double constant) =>
        losses[term.Index] = losses[term.Index] with { ConstantTarget = constant };

    public void SetMask(LossTermRef term, string mask, int maskSite, bool perPosition)
    {
        var loss = losses[term.Index];
        if (loss.Mask is not null)
        {
            Report(Descriptors.InvalidArgument, maskSite, "MaskedBy", $"loss '{loss.Name}' already has the mask '{loss.Mask}'; a term takes one mask");
            return;
        }

        losses[term.Index] = loss with { Mask = mask, MaskSite = maskSite, MaskPerPosition = perPosition };
    }

    /// <summary>A layer's own <c>init:</c> (a Dsl.Init member other than <see cref="LayerInit.Default"/>).</summary>
    public void SetInit(NodeRef layer, string init) => inits[layer.Id] = init;

    /// <summary><c>g.DefaultInit(init)</c>: once per model, and a concrete initialization.</summary>
    public void SetDefaultInit(string init, int site)
    {
        if (init == LayerInit.Default)
        {
            Report(Descriptors.InvalidArgument, site, "DefaultInit", "the default must be a concrete initialization (Init.PyTorch, Init.GlorotUniform, ...), not Init.Default");
        }
        else if (defaultInitSite >= 0)
        {
            Report(Descriptors.InvalidArgument, site, "DefaultInit", "the model's default initialization is already set by an earlier DefaultInit; call it once");
        }
        else
        {
            defaultInit = init;
            defaultInitSite = site;
        }
    }

    public (EquatableArray<NodeSpec> Nodes, EquatableArray<OutputSpec> Outputs, EquatableArray<LossSpec> Losses) Build()
    {
        // A g.Parameter's state-dict name also names its ONNX initializer, so no output may take it; and it is a tensor
        // of the model itself, not of a scope's module, so its name has no dots.
        foreach (var output in outputs.Where(o => explicitNames.TryGetValue(o.Name, out int owner) && IsLearnedTensor(nodes[owner].Op)))
        {
            Report(Descriptors.InvalidName, output.Site, output.Name, "an output", "a g.Parameter has that name, and both would name one value of the ONNX graph; rename the output or the parameter");
        }

        foreach (var named in explicitNames.Where(e => e.Key.IndexOf('.') >= 0 && IsLearnedTensor(nodes[e.Value].Op)))
        {
            string name = named.Key;
            Report(Descriptors.InvalidName, nodes[named.Value].Site, name, "a g.Parameter", "a learned tensor belongs to the model itself, not to a scope's module; use a name without dots (e.g. '" + name.Replace('.', '_') + "')");
        }

        var used = new HashSet<string>(explicitNames.Keys.Concat(uses.Select(u => u.Name)).Concat(scopes.Keys), StringComparer.Ordinal);
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

            var init = !node.Op.IsLayer ? LayerInit.PyTorch : inits.TryGetValue(id, out var declared) ? declared : defaultInit;
            built.Add(new NodeSpec(id, node.Op, new EquatableArray<int>(node.Inputs), name, node.Site, node.ArgSites, node.SharedWith, sites.SourceOf(node.Site), init));
        }

        var lossSpecs = LossWiring.Check(losses, built, outputs, CheckName, Report);
        return (new EquatableArray<NodeSpec>(built.MoveToImmutable()), outputs.ToEquatableArray(), lossSpecs);
    }

    private static bool IsLearnedTensor(Op op) => OpCatalogue.For(op)?.IsLearnedTensor == true;

    private NodeRef Add(Pending pending)
    {
        if (nodes.Count >= MaxNodes)
        {
            throw new InterpretationError(Descriptors.BudgetExceeded, (SyntaxNode?)null, MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture), "graph nodes");
        }

        nodes.Add(pending);
        return new NodeRef(nodes.Count - 1);
    }

    private sealed record Pending(Op Op, ImmutableArray<int> Inputs, string? Name, int Site, EquatableArray<ArgSite> ArgSites)
    {
        public int SharedWith { get; init; } = -1;
    }
}
