using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Slice(dim, start, end)</c>: Python's <c>x[..., start:end]</c> on one axis (null end: to the end).</summary>
internal sealed record SliceOp(int Dim, int Start, int? End) : Op
{
    public override string Kind => "Slice";
}
