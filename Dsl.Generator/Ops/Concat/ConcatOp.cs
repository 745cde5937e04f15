namespace Dsl.Generator.Model.Ops;

/// <summary><c>Ops.Concat(dim, nodes...)</c>.</summary>
internal sealed record ConcatOp(int Dim) : Op
{
    public override string Kind => "Concat";
}
