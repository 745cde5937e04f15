using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// An application of a used model (<c>tower.Apply(x)</c> / <c>tower.ApplyAll(x)</c>): runs the submodule
/// <see cref="UseName"/> on the input nodes. Its result is the submodel's whole output record; the nodes that
/// read one output of it are <see cref="OutputOfOp"/>s.
/// </summary>
internal sealed record ApplyOp(int Use, string UseName) : Op
{
    public override string Kind => "Apply";

    public override string NamePrefix => UseName;
}
