using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>One output of an application: <c>ApplyAll(x)["embedding"]</c>, or the only output for <c>Apply(x)</c> (<see cref="Output"/> null).</summary>
internal sealed record OutputOfOp(string? Output) : Op
{
    public override string Kind => "Output";

    public override string NamePrefix => Output ?? "output";
}
