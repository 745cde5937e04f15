namespace Dsl.Generator.Model;

/// <summary>
/// A named output of the model (<c>g.Output("logits", node)</c>). Outputs the declaration did not name but a loss
/// needs (the node of <c>g.Minimize</c>, the node a self-supervised loss compares with) are added with
/// <see cref="ForLoss"/> set, so that <c>ComputeLoss(Outputs, Targets)</c> can see them.
/// </summary>
internal sealed record OutputSpec(string Name, int Node, int Site, bool ForLoss = false);

/// <summary>
/// The IR of one <c>[Model]</c> class: everything the shape rules and emitters need, as plain values
/// (strings, numbers, <see cref="EquatableArray{T}"/>) so that the incremental pipeline compares it by value.
/// It holds no Roslyn symbol, syntax, compilation or location; sites are indexes into the location table that
/// travels beside it (<see cref="Parsing.ParsedModel"/>).
/// </summary>
/// <param name="Namespace">The containing namespace, empty for the global namespace.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="Accessibility">The declared accessibility keyword (<c>public</c>, <c>internal</c>).</param>
/// <param name="ClassSite">Site of the class name, for diagnostics about the model as a whole.</param>
/// <param name="Nodes">The graph, in creation order.</param>
/// <param name="Outputs">The declared outputs, in order.</param>
/// <param name="IsComplete">False when interpreting <c>Define</c> failed or reported an error; such a model is not emitted
/// (only its skeleton), and is analyzed only if its graph was built (see <see cref="RecoveredErrors"/>).</param>
/// <param name="Losses">The loss terms, in declaration order.</param>
/// <param name="Uses">The other models this one instantiates (<c>g.Use</c>), in declaration order.</param>
internal sealed record ModelSpec(
    string Namespace,
    string ClassName,
    string Accessibility,
    int ClassSite,
    EquatableArray<NodeSpec> Nodes,
    EquatableArray<OutputSpec> Outputs,
    bool IsComplete,
    EquatableArray<LossSpec> Losses = default,
    EquatableArray<UseSpec> Uses = default)
{
    /// <summary>The metadata name (<c>Ns.Model</c>) that identifies the model across the compilation.</summary>
    public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;

    /// <summary>
    /// True when interpreting <c>Define</c> went on after a reported mistake (the failed calls are missing from the
    /// graph): the graph is still analyzed, to find independent mistakes, but gets no skeleton, since an output or
    /// loss the failed code declared would be missing from it. (No model with an error is checked as a whole.)
    /// </summary>
    public bool RecoveredErrors { get; init; }
}
