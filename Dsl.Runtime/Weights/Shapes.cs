using System;
using System.Collections.Generic;

namespace Dsl.Weights;

/// <summary>Shape arithmetic and formatting for weight files.</summary>
internal static class Shapes
{
    /// <summary>Formats a shape as PyTorch prints it: <c>[64, 1, 3, 3]</c>, <c>[]</c> for a scalar.</summary>
    public static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>
    /// The bytes a tensor of <paramref name="shape"/> occupies. False when a size is negative or when the sizes,
    /// zeros counted as 1, multiply past the range of a long: libtorch computes strides that way, so even an empty
    /// tensor of shape [0, 2^62] cannot be allocated.
    /// </summary>
    public static bool TryByteCount(IReadOnlyList<long> shape, int elementSize, out long bytes)
    {
        bytes = 0;
        long extent = elementSize;
        bool empty = false;
        try
        {
            foreach (long size in shape)
            {
                if (size < 0)
                {
                    return false;
                }

                empty |= size == 0;
                extent = checked(extent * Math.Max(size, 1));
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        bytes = empty ? 0 : extent;
        return true;
    }
}
