using Dsl.Generator.Emit.Onnx;

namespace Dsl.Generator.Ops;

/// <summary>
/// A Reshape that replaces axes <c>start</c> to <c>end</c> of a value by a given run of sizes and keeps the others
/// as they are at run time (Shape, Slice, Concat), so symbolic sizes before and after the range stay free (Flatten
/// with axes, Unflatten).
/// </summary>
internal static class AxisRangeOnnx
{
    /// <summary>
    /// Reshapes input <c>0</c> of <paramref name="scope"/> (of rank <paramref name="rank"/>) with axes
    /// <paramref name="start"/>..<paramref name="end"/> replaced by <paramref name="middle"/> (a 1-D int64 value).
    /// </summary>
    public static string Reshape(OnnxScope scope, long rank, long start, long end, string middle)
    {
        string shape = scope.Temp("shape");
        scope.Add("Shape", shape, scope.Input(0));
        string before = scope.Temp("before");
        scope.Add("Slice", before, shape, scope.Ints("before_start", 0), scope.Ints("before_end", start), scope.Ints("before_axis", 0));
        string after = scope.Temp("after");
        scope.Add("Slice", after, shape, scope.Ints("after_start", end + 1), scope.Ints("after_end", rank), scope.Ints("after_axis", 0));
        string target = scope.Temp("target_shape");
        scope.Add("Concat", target, before, middle, after).Int("axis", 0);
        scope.Add("Reshape", scope.Output, scope.Input(0), target);
        return scope.Output;
    }

    /// <summary>The product of axes <paramref name="start"/>..<paramref name="end"/> of input 0's shape, as a 1-D int64 value of one element.</summary>
    public static string Product(OnnxScope scope, long start, long end)
    {
        string shape = scope.Temp("flattened_shape");
        scope.Add("Shape", shape, scope.Input(0));
        string sizes = scope.Temp("flattened_sizes");
        scope.Add("Slice", sizes, shape, scope.Ints("flattened_start", start), scope.Ints("flattened_end", end + 1), scope.Ints("flattened_axis", 0));
        string product = scope.Temp("flattened");
        scope.Add("ReduceProd", product, sizes).Ints("axes", 0).Int("keepdims", 1);
        return product;
    }
}
