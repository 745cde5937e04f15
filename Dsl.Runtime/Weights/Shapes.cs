using System.Collections.Generic;

namespace Dsl.Weights;

/// <summary>Formats shapes in messages as PyTorch prints them: <c>[64, 1, 3, 3]</c>, <c>[]</c> for a scalar.</summary>
internal static class Shapes
{
    public static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
