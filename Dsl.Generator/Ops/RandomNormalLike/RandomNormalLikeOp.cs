using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.RandomNormalLike()</c>: standard normal noise of x's shape, drawn on every forward.</summary>
internal sealed record RandomNormalLikeOp : Op
{
    public override string Kind => "RandomNormalLike";

    public override string NamePrefix => "noise";
}
