using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Repeat(repeats...)</c>: PyTorch's <c>x.repeat(1, repeats...)</c>, tiling the axes after the batch.</summary>
internal sealed record RepeatOp(EquatableArray<int> Repeats) : Op
{
    public override string Kind => "Repeat";
}
