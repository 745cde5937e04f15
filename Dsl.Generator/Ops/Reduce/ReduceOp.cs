using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

internal enum ReduceKind
{
    Mean,
    Sum,
    Max,
}

/// <summary><c>x.Mean(dims, keepDim)</c>, <c>x.Sum(dims, keepDim)</c>, <c>x.Max(dim, keepDim)</c> (the values): a reduction over non-batch axes.</summary>
internal sealed record ReduceOp(ReduceKind Reduction, EquatableArray<int> Dims, bool KeepDim) : Op
{
    public override string Kind => Reduction.ToString();
}
