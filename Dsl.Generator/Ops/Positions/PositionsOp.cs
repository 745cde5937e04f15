using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Positions(axis)</c>: the int64 ids 0 to n - 1 of the positions along one axis of x, as <c>[1, n]</c>.</summary>
internal sealed record PositionsOp(int Axis) : Op
{
    public override string Kind => "Positions";
}
