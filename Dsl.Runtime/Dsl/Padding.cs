namespace Dsl;

/// <summary>Spatial padding of a convolution or pooling layer.</summary>
/// <remarks>
/// <see cref="Valid"/> (the default) pads nothing. <see cref="Same"/> follows Keras: the output size is
/// ceil(input / stride) and, when the total padding is odd, the extra row / column goes to the bottom / right.
/// An integer pads that many elements on every side; a tuple pads each spatial axis by its own amount
/// (<c>padding: (1, 2)</c>: one row above and below, two columns left and right).
/// </remarks>
public readonly struct Padding
{
    private Padding(int kind, int amount, int[]? amounts = null)
    {
        Kind = kind;
        Amount = amount;
        Amounts = amounts;
    }

    internal int Kind { get; }

    internal int Amount { get; }

    internal int[]? Amounts { get; }

    /// <summary>No padding (the default).</summary>
    public static Padding Valid => default;

    /// <summary>Keras "same" padding: output = ceil(input / stride).</summary>
    public static Padding Same => new(1, 0);

    /// <summary>
    /// Keras' "causal" padding of a <c>Conv1d</c>: dilation x (kernelSize - 1) zeros before the sequence and none after,
    /// so the output is as long as the input (stride 1) and step t sees only steps up to t (WaveNet, TCN).
    /// </summary>
    public static Padding Causal => new(3, 0);

    /// <summary>Pads <paramref name="amount"/> elements on every side.</summary>
    public static Padding Of(int amount) => new(2, amount);

    /// <summary>Pads <paramref name="amount"/> elements on every side.</summary>
    public static implicit operator Padding(int amount) => Of(amount);

    /// <summary>Pads each of two spatial axes by its own amount: (rows, columns) of a 2-D window.</summary>
    public static implicit operator Padding((int Rows, int Columns) amounts) => new(2, 0, new[] { amounts.Rows, amounts.Columns });

    /// <summary>Pads each of three spatial axes by its own amount: (depth, rows, columns) of a 3-D window.</summary>
    public static implicit operator Padding((int Depth, int Rows, int Columns) amounts) => new(2, 0, new[] { amounts.Depth, amounts.Rows, amounts.Columns });
}
