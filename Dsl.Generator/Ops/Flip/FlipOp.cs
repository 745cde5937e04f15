namespace Dsl.Generator.Model.Ops;

/// <summary><c>Flip(dim)</c>: reverses the order along one dimension (0 is the batch).</summary>
internal sealed record FlipOp(int Dim) : Op
{
    public override string Kind => "Flip";
}
