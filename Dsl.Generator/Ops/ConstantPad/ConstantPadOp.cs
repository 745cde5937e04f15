using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>ZeroPad1d</c>, <c>ConstantPad1d</c>, <c>ConstantPad2d</c>: <paramref name="Before"/> / <paramref name="After"/>
/// elements of <paramref name="Value"/> around each spatial axis of [B, C, L] (one axis) or [B, C, H, W] (rows, then
/// columns), in the input's axis order.
/// </summary>
internal sealed record ConstantPadOp(string Method, EquatableArray<int> Before, EquatableArray<int> After, double Value) : Op
{
    public override string Kind => Method;

    public override string NamePrefix => Method switch
    {
        "ZeroPad1d" => "zero_pad1d",
        "ConstantPad1d" => "constant_pad1d",
        _ => "constant_pad2d",
    };

    /// <summary>The number of padded axes: 1 or 2.</summary>
    public int SpatialRank => Before.Count;

    /// <summary>The amounts as the emitters pad: per axis, before and after.</summary>
    public PaddingPlan Plan => new(Before, After);
}
