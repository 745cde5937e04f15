namespace Dsl.Generator.Model.Ops;

/// <summary><c>Ops.MatMul(a, b)</c>: batched matrix product over the last two axes.</summary>
internal sealed record MatMulOp : Op
{
    public override string Kind => "MatMul";
}
