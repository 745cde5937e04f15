using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Reshape(dims...)</c> of everything after the batch.</summary>
internal sealed record ReshapeOp(EquatableArray<int> Dims) : Op
{
    public override string Kind => "Reshape";
}
