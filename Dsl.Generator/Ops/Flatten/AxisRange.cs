using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>Axis arguments that count the batch as 0 and negative values from the back, as PyTorch's (Flatten, Unflatten, Normalize).</summary>
internal static class AxisRange
{
    /// <summary><paramref name="axis"/> as an index from 0 (the batch) for a tensor of rank <paramref name="rank"/>; out of range stays out of range.</summary>
    public static long Resolve(int axis, int rank) => axis < 0 ? (long)axis + rank : axis;

    /// <summary>The text of the valid range after the batch, for messages: "1 to 3 (or -3 to -1)".</summary>
    public static string AfterBatch(TensorType type) =>
        type.Rank < 2 ? "none: " + type.ShapeText + " has no axis after the batch" : "1 to " + ShapeContext.Text(type.Rank - 1) + " (or " + ShapeContext.Text(1 - type.Rank) + " to -1)";
}
