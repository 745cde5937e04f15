namespace Dsl.Generator.Parsing;

// Values the interpreter computes while running Define at compile time. Plain C# values stand for themselves:
// integers are long, reals double, plus bool, string, null and object?[] (arrays). Padding, Dim and DType values are
// the IR's PaddingSpec, DimExpr and DType. The graph and its nodes are the handles below.

/// <summary>The <c>Graph g</c> parameter of Define.</summary>
internal sealed class GraphRef
{
    public static readonly GraphRef Instance = new();

    private GraphRef()
    {
    }
}

/// <summary>A node of the graph being built, by id.</summary>
internal sealed class NodeRef
{
    public NodeRef(int id) => Id = id;

    public int Id { get; }
}

/// <summary>A loss function value (<c>Loss.Mse(target: image)</c>) before it is attached to a term.</summary>
internal sealed class LossFunctionRef
{
    public LossFunctionRef(Losses.LossDescriptor kind, int targetNode, double argument, int targetSite)
    {
        Kind = kind;
        TargetNode = targetNode;
        Argument = argument;
        TargetSite = targetSite;
    }

    public Losses.LossDescriptor Kind { get; }

    /// <summary>The node a self-supervised loss compares with, or -1.</summary>
    public int TargetNode { get; }

    public double Argument { get; }

    /// <summary>Where <c>target:</c> was written, or -1.</summary>
    public int TargetSite { get; }

    /// <summary>The class axis a cross entropy or NLL states (<c>classDim:</c>), or null to infer it.</summary>
    public int? ClassDim { get; init; }

    /// <summary>The constant a loss compares with (<c>target: 1.0</c>), or null.</summary>
    public double? ConstantTarget { get; init; }

    /// <summary>The class index a cross entropy or NLL leaves out (<c>ignoreIndex:</c>), or null.</summary>
    public long? IgnoreIndex { get; init; }

    /// <summary>The loss's named form where it has more than one (<c>"hardest"</c> for InBatchTriplet's <c>hardest: true</c>), or null.</summary>
    public string? Variant { get; set; }

    /// <summary>Where the function's own arguments were written, named <c>loss.parameter</c>.</summary>
    public Model.EquatableArray<Model.ArgSite> ArgSites { get; set; }
}

/// <summary>A declared loss term, by index, so that <c>.MaskedBy(...)</c> can amend it.</summary>
internal sealed class LossTermRef
{
    public LossTermRef(int index) => Index = index;

    public int Index { get; }
}

/// <summary>A used model (<c>g.Use&lt;T&gt;(...)</c>), by index into the model's uses.</summary>
internal sealed class SubModelRef
{
    public SubModelRef(int index, string name)
    {
        Index = index;
        Name = name;
    }

    public int Index { get; }

    public string Name { get; }
}

/// <summary>The result of <c>ApplyAll(...)</c>: the application node, indexed by output name.</summary>
internal sealed class ApplyAllRef
{
    public ApplyAllRef(NodeRef call) => Call = call;

    public NodeRef Call { get; }
}

/// <summary>
/// A shared block (<c>g.Block(name, x => ...)</c>): the lambda is interpreted at every <c>Apply</c>; the layers of
/// the first application own the weights, and the k-th layer of every later application reuses the k-th of the first.
/// </summary>
internal sealed class BlockRef
{
    public BlockRef(string name, Microsoft.CodeAnalysis.Operations.IAnonymousFunctionOperation body, object enclosing, int site)
    {
        Name = name;
        Body = body;
        Enclosing = enclosing;
        Site = site;
    }

    /// <summary>The interpreter frame the lambda was written in (its closure).</summary>
    public object Enclosing { get; }

    public string Name { get; }

    public Microsoft.CodeAnalysis.Operations.IAnonymousFunctionOperation Body { get; }

    public int Site { get; }

    /// <summary>The layer nodes of the first application, in creation order.</summary>
    public System.Collections.Generic.List<int> Layers { get; } = new();

    public int Applications { get; set; }
}
