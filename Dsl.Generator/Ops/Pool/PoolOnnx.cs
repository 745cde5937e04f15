using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>MaxPool</c> / <c>AveragePool</c> over any spatial rank with explicit pads. Keras Same (PyTorch's ceil mode where
/// only the end grows) is the same window set as pads at the end: ONNX never picks a padded element for the maximum,
/// and <c>count_include_pad = 0</c> averages over the elements inside; an int padding counts zeros, as PyTorch does.
/// </summary>
internal sealed class PoolOnnx : OnnxEmitter<PoolOp>
{
    protected override string Emit(PoolOp pool, NodeSpec node, OnnxScope scope)
    {
        var written = scope.Add(pool.Pool == PoolKind.Max ? "MaxPool" : "AveragePool", scope.Output, scope.Input(0))
            .Ints("kernel_shape", pool.KernelSize.Select(k => (long)k).ToArray())
            .Ints("strides", pool.Stride.Select(s => (long)s).ToArray())
            .Ints("pads", OnnxScope.Pads(scope.Padding(pool.Padding, pool.SpatialRank)));
        if (pool.Pool == PoolKind.Avg)
        {
            written.Int("count_include_pad", pool.Padding.Mode == PaddingMode.Explicit ? 1 : 0);
        }

        return scope.Output;
    }
}
