namespace Dsl;

/// <summary>
/// One dimension of a declared input: a size known at compile time (an <see cref="int"/> converts implicitly)
/// or a named symbolic size (<c>Dim.Of("T")</c>) that shape inference carries through as an affine expression.
/// </summary>
public readonly struct Dim
{
    private Dim(int size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The concrete size, or 0 for a symbolic dimension.</summary>
    public int Size { get; }

    /// <summary>The name of a symbolic dimension, or null.</summary>
    public string? Symbol { get; }

    /// <summary>A symbolic dimension named <paramref name="symbol"/>, fixed only at run time.</summary>
    public static Dim Of(string symbol) => new(0, symbol);

    /// <summary>A dimension of a fixed size.</summary>
    public static implicit operator Dim(int size) => new(size, null);
}
