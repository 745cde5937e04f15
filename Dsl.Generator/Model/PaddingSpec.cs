namespace Dsl.Generator.Model;

internal enum PaddingMode
{
    /// <summary>No padding.</summary>
    Valid,

    /// <summary>Keras "same": output = ceil(input / stride); an odd total puts the extra element bottom / right.</summary>
    Same,

    /// <summary>A fixed amount on every side.</summary>
    Explicit,
}

/// <summary>The padding of a convolution or pooling layer as declared.</summary>
internal sealed record PaddingSpec(PaddingMode Mode, int Amount)
{
    public static readonly PaddingSpec Valid = new(PaddingMode.Valid, 0);

    public static readonly PaddingSpec Same = new(PaddingMode.Same, 0);

    public override string ToString() => Mode switch
    {
        PaddingMode.Valid => "Valid",
        PaddingMode.Same => "Same",
        _ => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
