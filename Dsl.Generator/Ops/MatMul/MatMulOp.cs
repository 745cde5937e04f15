using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.MatMul(a, b)</c>: batched matrix product over the last two axes.</summary>
internal sealed record MatMulOp : Op
{
    public override string Kind => "MatMul";
}
