namespace Dsl.Generator.Parsing;

// Values the interpreter computes while running Define at compile time. Plain C# values stand for themselves:
// integers are long, reals double, plus bool, string, null and object?[] (arrays). Padding and Dim values are
// the IR's PaddingSpec and DimExpr. The graph and its nodes are the handles below.

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
