using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>
/// Dimension arguments as PyTorch reads them: 0 is the batch, 1 to rank - 1 count from the front and -1 to
/// -(rank - 1) from the back (-1 is the last). Ops that may not act along the batch ask for a non-batch axis.
/// </summary>
internal static class Axes
{
    /// <summary><paramref name="dim"/> counted from the front of a tensor of rank <paramref name="rank"/> (-1 is rank - 1); the emitters' axis arguments.</summary>
    public static int FromFront(int dim, int rank) => dim < 0 ? rank + dim : dim;

    /// <summary>The non-batch axis <paramref name="dim"/> names in <paramref name="type"/> (1 to rank - 1), or null.</summary>
    public static int? NonBatch(int dim, TensorType type)
    {
        int rank = type.Rank;
        int axis = FromFront(dim, rank);
        return axis >= 1 && axis < rank ? axis : null;
    }

    /// <summary>
    /// The non-batch axis <paramref name="dim"/> (the argument <paramref name="parameter"/>) names in
    /// <paramref name="type"/>, or null after reporting DSL0007 at the argument with the accepted range.
    /// </summary>
    public static int? NonBatchOrFail(ShapeContext context, string parameter, int dim, TensorType type)
    {
        if (NonBatch(dim, type) is int axis)
        {
            return axis;
        }

        context.InvalidArgument(parameter, parameter + " " + ShapeContext.Text(dim) + " is out of range for " + type.ShapeText + "; " + NonBatchRange(type) + (dim == 0 ? " (dim 0 is the batch)" : ""));
        return null;
    }

    /// <summary>"use 1 to 3 or -3 to -1 (dim 0 is the batch)": the accepted values for <paramref name="type"/>.</summary>
    public static string NonBatchRange(TensorType type) => type.Rank switch
    {
        <= 1 => "a [B] tensor has no dim besides the batch",
        2 => "use 1 or -1",
        _ => $"use 1 to {type.Rank - 1} or -{type.Rank - 1} to -1",
    };
}
