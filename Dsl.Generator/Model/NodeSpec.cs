using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Model;

/// <summary>The source line a node was declared on, for <c>#line</c> directives in the generated code.</summary>
internal sealed record SourceLine(string Path, int Line);

/// <summary>Where a named argument of a call was written: an index into the model's site table.</summary>
internal sealed record ArgSite(string Parameter, int Site);

/// <summary>
/// One node of the graph: an op applied to earlier nodes. Nodes are numbered in the order the declaration
/// creates them, which is a valid execution order.
/// </summary>
/// <param name="Id">Index in <see cref="ModelSpec.Nodes"/>.</param>
/// <param name="Op">What the node computes.</param>
/// <param name="Inputs">Ids of the nodes it reads, in argument order.</param>
/// <param name="Name">Field / state-dict name (explicit <c>name:</c>, or generated <c>conv2d_1</c>).</param>
/// <param name="Site">Where the call was written (the method name and arguments, or the operator).</param>
/// <param name="ArgSites">Where individual arguments were written, for diagnostics about one argument.</param>
/// <param name="SharedWith">For a layer created by a later application of a <c>g.Block</c>: the node whose layer
/// (weights) it reuses; -1 otherwise.</param>
/// <param name="Source">The file and line of the call, so stack traces and the debugger lead back to <c>Define</c>.</param>
/// <param name="Init">How a layer's weights start: its <c>init:</c>, else the model's <c>g.DefaultInit</c>, else PyTorch's.</param>
internal sealed record NodeSpec(
    int Id,
    Op Op,
    EquatableArray<int> Inputs,
    string Name,
    int Site,
    EquatableArray<ArgSite> ArgSites,
    int SharedWith = -1,
    SourceLine? Source = null,
    string Init = LayerInit.PyTorch)
{
    /// <summary>True for a layer that owns its parameters (not a reuse of a block's layer).</summary>
    public bool OwnsLayer => Op.IsLayer && SharedWith < 0;

    /// <summary>The site of the argument <paramref name="parameter"/>, or the call's site.</summary>
    public int SiteOf(string? parameter)
    {
        foreach (var arg in ArgSites)
        {
            if (arg.Parameter == parameter)
            {
                return arg.Site;
            }
        }

        return Site;
    }
}
