using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.Concat(dim, nodes...)</c>; <see cref="Broadcast"/>: <c>Ops.Concat(dim, broadcast: true, nodes...)</c> expands sizes of 1 first.</summary>
internal sealed record ConcatOp(int Dim, bool Broadcast = false) : Op
{
    public override string Kind => "Concat";
}
