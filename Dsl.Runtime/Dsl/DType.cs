namespace Dsl;

/// <summary>
/// The element type of a declared input: <see cref="Float32"/> (the default: images, features) or
/// <see cref="Int64"/> (indices, such as the token ids an <c>Embedding</c> looks up).
/// </summary>
public readonly struct DType
{
    private DType(int code) => Code = code;

    /// <summary>32-bit floating point: what every layer computes on.</summary>
    public static DType Float32 => default;

    /// <summary>64-bit integer indices (token ids, class ids): the input of <c>Embedding</c>.</summary>
    public static DType Int64 => new(1);

    private int Code { get; }

    public override string ToString() => Code == 1 ? "int64" : "float32";
}
