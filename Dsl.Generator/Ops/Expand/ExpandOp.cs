using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Expand(sizes...)</c> / <c>x.Expand(batchOf, sizes...)</c>: PyTorch's <c>expand</c> of the axes after the batch
/// (<see cref="Sizes"/> empty: kept); with <see cref="BatchOf"/> the node's second input gives a batch of one its batch.
/// </summary>
internal sealed record ExpandOp(EquatableArray<int> Sizes, bool BatchOf) : Op
{
    public override string Kind => "Expand";
}
