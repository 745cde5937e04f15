using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Permute(dims...)</c>: the new order of all axes, the batch first.</summary>
internal sealed record PermuteOp(EquatableArray<int> Dims) : Op
{
    public override string Kind => "Permute";
}
