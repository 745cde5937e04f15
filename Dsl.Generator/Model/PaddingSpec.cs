using System.Linq;

namespace Dsl.Generator.Model;

internal enum PaddingMode
{
    /// <summary>No padding.</summary>
    Valid,

    /// <summary>Keras "same": output = ceil(input / stride); an odd total puts the extra element bottom / right.</summary>
    Same,

    /// <summary>A fixed amount on every side (or one amount per spatial axis, <see cref="PaddingSpec.Amounts"/>).</summary>
    Explicit,

    /// <summary>Keras "causal" (Conv1d only): effective kernel - 1 before the sequence, nothing after.</summary>
    Causal,
}

/// <summary>
/// The padding of a convolution or pooling layer as declared: <see cref="Amount"/> on every side, or with a tuple
/// (<c>padding: (1, 2)</c>) one amount per spatial axis in <see cref="Amounts"/> (both sides of that axis).
/// </summary>
internal sealed record PaddingSpec(PaddingMode Mode, int Amount, EquatableArray<int> Amounts = default)
{
    public static readonly PaddingSpec Valid = new(PaddingMode.Valid, 0);

    public static readonly PaddingSpec Same = new(PaddingMode.Same, 0);

    public static readonly PaddingSpec Causal = new(PaddingMode.Causal, 0);

    /// <summary>Explicit padding of one amount per spatial axis.</summary>
    public static PaddingSpec PerAxis(params int[] amounts) => new(PaddingMode.Explicit, amounts.Max(), amounts.ToEquatableArray());

    /// <summary>True when the padding names one amount per axis (a tuple).</summary>
    public bool IsPerAxis => Amounts.Count > 0;

    /// <summary>The padding of spatial axis <paramref name="axis"/> alone (an explicit amount, Valid or Same).</summary>
    public PaddingSpec ForAxis(int axis) => IsPerAxis ? new PaddingSpec(PaddingMode.Explicit, Amounts[axis]) : this;

    /// <summary>The explicit amount on both sides of spatial axis <paramref name="axis"/> (0 for Valid).</summary>
    public int AmountAt(int axis) => Mode == PaddingMode.Explicit ? ForAxis(axis).Amount : 0;

    public override string ToString() => Mode switch
    {
        PaddingMode.Valid => "Valid",
        PaddingMode.Same => "Same",
        PaddingMode.Causal => "Causal",
        _ when IsPerAxis => "(" + string.Join(", ", Amounts) + ")",
        _ => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
