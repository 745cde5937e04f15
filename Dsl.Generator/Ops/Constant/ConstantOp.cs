using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>What a constant holds: <c>Ops.Zeros</c>, <c>Ops.Ones</c>, <c>Ops.Full</c> or <c>Ops.Eye</c>.</summary>
internal enum ConstantFill
{
    Zeros,
    Ones,
    Full,
    Eye,
}

/// <summary>
/// A float32 constant <c>[1, dims...]</c> (a batch of one): zeros, ones, <see cref="Value"/> everywhere, or the
/// identity matrix (<see cref="Dims"/> is then [n, n]).
/// </summary>
internal sealed record ConstantOp(ConstantFill Fill, EquatableArray<int> Dims, double Value = 0) : Op
{
    public override string Kind => Fill.ToString();

    /// <summary>The full shape, the leading 1 included.</summary>
    public long[] Shape => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Prepend(System.Linq.Enumerable.Select(Dims, d => (long)d), 1L));
}
