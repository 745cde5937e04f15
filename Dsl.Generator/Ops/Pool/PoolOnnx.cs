using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>MaxPool</c> / <c>AveragePool</c> over any spatial rank with explicit pads. Keras Same (PyTorch's ceil mode where
/// only the end grows) is the same window set as pads at the end: ONNX never picks a padded element for the maximum,
/// and <c>count_include_pad = 0</c> averages over the elements inside; an int padding counts zeros, as PyTorch does.
/// ceilMode with known sizes is written the same way, as the floor-mode windows over extra padding at the end (PyTorch
/// drops a last window that would start in the right padding, which onnx's shape inference for ceil_mode does not);
/// an average with an explicit padding then pads its zeros with a <c>Pad</c> first, so they count in the divisor while
/// the extra end does not. With a symbolic size the stride is at most kernel - padding (the rule's condition), no
/// window is dropped, and ONNX's own <c>ceil_mode</c> is the same.
/// </summary>
internal sealed class PoolOnnx : OnnxEmitter<PoolOp>
{
    protected override string Emit(PoolOp pool, NodeSpec node, OnnxScope scope)
    {
        var plan = scope.Padding(pool.Padding, pool.SpatialRank);
        var input = scope.InputType(0);
        var output = scope.Model.TypeOf(node.Id);
        bool known = Enumerable.Range(1, pool.SpatialRank).All(a => input.Dims[a].IsKnown && output.Dims[a].IsKnown);
        if (!pool.CeilMode || !known)
        {
            var written = Pool(pool, scope, scope.Input(0), OnnxScope.Pads(plan), pool.Padding.Mode == PaddingMode.Explicit);
            if (pool.CeilMode)
            {
                written.Int("ceil_mode", 1);
            }

            return scope.Output;
        }

        // The end padding that gives exactly the ceil-mode windows in floor mode: (out - 1) s + k - (L + 2p) at each axis.
        int rank = pool.SpatialRank;
        long[] before = plan.Before.Select(p => (long)p).ToArray();
        long[] after = Enumerable.Range(0, rank)
            .Select(a => ((long)output.Dims[a + 1].Value - 1) * pool.Stride[a] + pool.KernelSize[a] - input.Dims[a + 1].Value - plan.Before[a])
            .ToArray();
        string x = scope.Input(0);
        if (pool.Pool == PoolKind.Avg && before.Any(p => p > 0))
        {
            string padded = scope.Temp("padded");
            var pads = new long[] { 0, 0 }.Concat(before).Concat(new long[] { 0, 0 }).Concat(before).ToArray();
            scope.Add("Pad", padded, x, scope.Ints("pads", pads));
            x = padded;
            after = after.Select((e, a) => e - before[a]).ToArray();
            before = new long[rank];
        }

        // Where fewer elements than the input already give the windows, floor mode needs no end padding (never negative).
        Pool(pool, scope, x, before.Concat(after.Select(e => System.Math.Max(0, e))).ToArray(), countPadding: false);
        return scope.Output;
    }

    private static OnnxNodeSpec Pool(PoolOp pool, OnnxScope scope, string x, long[] pads, bool countPadding)
    {
        var written = scope.Add(pool.Pool == PoolKind.Max ? "MaxPool" : "AveragePool", scope.Output, x)
            .Ints("kernel_shape", pool.KernelSize.Select(k => (long)k).ToArray())
            .Ints("strides", pool.Stride.Select(s => (long)s).ToArray())
            .Ints("pads", pads);
        if (pool.Pool == PoolKind.Avg)
        {
            written.Int("count_include_pad", countPadding ? 1 : 0);
        }

        return written;
    }
}
