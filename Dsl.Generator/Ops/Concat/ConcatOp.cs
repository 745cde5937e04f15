using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.Concat(dim, nodes...)</c>.</summary>
internal sealed record ConcatOp(int Dim) : Op
{
    public override string Kind => "Concat";
}
