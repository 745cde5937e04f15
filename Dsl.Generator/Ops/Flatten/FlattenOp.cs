using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Flatten()</c>: [B, d1, ..., dn] to [B, d1*...*dn].</summary>
internal sealed record FlattenOp : Op
{
    public override string Kind => "Flatten";
}
