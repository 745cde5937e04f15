namespace Dsl.Generator.Model.Ops;

/// <summary>A declared graph input (<c>g.Input("image", 1, 28, 28)</c>).</summary>
internal sealed record InputOp(string Name, EquatableArray<DimExpr> Dims) : Op
{
    public override string Kind => "Input";
}
