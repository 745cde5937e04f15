using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Unflatten(dim, sizes)</c>: axis <see cref="Dim"/> (0 is the batch; negative counts from the back) split into <see cref="Sizes"/> (one may be -1).</summary>
internal sealed record UnflattenOp(int Dim, EquatableArray<int> Sizes) : Op
{
    public override string Kind => "Unflatten";
}
