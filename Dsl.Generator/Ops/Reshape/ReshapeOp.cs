namespace Dsl.Generator.Model.Ops;

/// <summary><c>Reshape(dims...)</c> of everything after the batch.</summary>
internal sealed record ReshapeOp(EquatableArray<int> Dims) : Op
{
    public override string Kind => "Reshape";
}
