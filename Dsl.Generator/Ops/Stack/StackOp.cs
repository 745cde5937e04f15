using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.Stack(dim, nodes...)</c>: nodes of one shape stacked along a new axis.</summary>
internal sealed record StackOp(int Dim) : Op
{
    public override string Kind => "Stack";
}
