using System.Globalization;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>
/// The largest tensor a model may declare: 2^47 bytes (128 TiB), the most a process can address on x86-64 and
/// ARM64 (48-bit virtual addresses, half of them the kernel's). libtorch would fail to allocate anything larger
/// (or overflow its size computation); the generator says so at the layer instead. Sizes are computed saturating,
/// so no overflow can hide a size from the check.
/// </summary>
internal static class SizeLimits
{
    public const long MaxBytes = 1L << 47;

    /// <summary>float32 elements in <see cref="MaxBytes"/>.</summary>
    public const long MaxElements = MaxBytes / 4;

    /// <summary>
    /// The most layers one recurrent op may stack (<c>numLayers</c>). The emitters write each stacked layer out (the ONNX
    /// graph has a node group per layer, about 15 KB of generated code), so the count bounds their work and the size of
    /// the generated files; real stacks have a handful of layers. Above it the argument is an error (DSL0007).
    /// </summary>
    public const int MaxStackedLayers = 256;

    /// <summary>The default of the parameter budget a warning (DSL0902) is given above: 10^9 parameters, 4 GB as float32.</summary>
    public const long DefaultParameterBudget = 1_000_000_000;

    /// <summary><paramref name="a"/> * <paramref name="b"/> for sizes (non-negative), long.MaxValue where it would overflow.</summary>
    public static long Multiply(long a, long b) =>
        a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    /// <summary><paramref name="a"/> + <paramref name="b"/> for sizes (non-negative), long.MaxValue where it would overflow.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>The elements one sample of <paramref name="type"/> holds, counting only its known dimensions.</summary>
    public static long ElementsPerSample(TensorType type) =>
        type.Dims.Where(d => d.IsKnown).Aggregate(1L, (product, d) => Multiply(product, d.Value));

    /// <summary>The elements of one sample of <paramref name="type"/>, or null when a dimension is symbolic.</summary>
    public static long? KnownElementsPerSample(TensorType type) =>
        type.Dims.All(d => d.IsKnown) ? ElementsPerSample(type) : null;

    /// <summary>A count as the messages write it: <c>1,600,000,000</c>.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The float32 size of <paramref name="elements"/> in words: <c>6.4 GB</c>.</summary>
    public static string Float32Size(long elements)
    {
        double bytes = elements * 4.0;
        string[] units = { "bytes", "KB", "MB", "GB", "TB", "PB", "EB", "ZB" };
        int unit = 0;
        while (bytes >= 1000 && unit < units.Length - 1)
        {
            bytes /= 1000;
            unit++;
        }

        return bytes.ToString(unit == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
