namespace Dsl;

/// <summary>Spatial padding of a convolution or pooling layer.</summary>
/// <remarks>
/// <see cref="Valid"/> (the default) pads nothing. <see cref="Same"/> follows Keras: the output size is
/// ceil(input / stride) and, when the total padding is odd, the extra row / column goes to the bottom / right.
/// An integer pads that many elements on every side.
/// </remarks>
public readonly struct Padding
{
    private Padding(int kind, int amount)
    {
        Kind = kind;
        Amount = amount;
    }

    internal int Kind { get; }

    internal int Amount { get; }

    /// <summary>No padding (the default).</summary>
    public static Padding Valid => default;

    /// <summary>Keras "same" padding: output = ceil(input / stride).</summary>
    public static Padding Same => new(1, 0);

    /// <summary>Pads <paramref name="amount"/> elements on every side.</summary>
    public static Padding Of(int amount) => new(2, amount);

    /// <summary>Pads <paramref name="amount"/> elements on every side.</summary>
    public static implicit operator Padding(int amount) => Of(amount);
}
