using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>A declared graph input (<c>g.Input("image", 1, 28, 28)</c>, <c>g.Input("tokens", DType.Int64, Dim.Of("T"))</c>).</summary>
internal sealed record InputOp(string Name, EquatableArray<DimExpr> Dims, DType DType = DType.Float32) : Op
{
    public override string Kind => "Input";

    /// <summary>The layout stated with <c>AxisLayout</c>, read by the axis roles only (<see cref="InputDescriptor"/>).</summary>
    public InputLayout Layout { get; init; }
}

/// <summary>How an input's axes are laid out: the default reading, or the <c>AxisLayout</c> the declaration states.</summary>
internal enum InputLayout
{
    Default,
    ChannelsFirst,
    ChannelsLast,
}
