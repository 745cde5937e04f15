using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>g.Parameter(name, dims..., init:, std:)</c>: a learned tensor <c>[1, dims...]</c> registered under the node's
/// name (PyTorch's <c>nn.Parameter</c>). <see cref="Init"/> is a <c>Dsl.ParameterInit</c> member.
/// </summary>
internal sealed record ParameterOp(EquatableArray<int> Dims, string Init, double Std) : Op
{
    public override string Kind => "Parameter";

    public override bool IsLayer => true;

    /// <summary>The tensor's full shape, the leading 1 included.</summary>
    public long[] Shape => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Prepend(System.Linq.Enumerable.Select(Dims, d => (long)d), 1L));
}
