using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>MaxPool</c> / <c>AveragePool</c> with explicit pads. Keras Same (PyTorch's ceil mode where only the bottom / right
/// grows) is the same window set as pads at the bottom / right: ONNX never picks a padded element for the maximum, and
/// <c>count_include_pad = 0</c> averages over the elements inside; an int padding counts zeros, as PyTorch does.
/// </summary>
internal sealed class Pool2dOnnx : OnnxEmitter<Pool2dOp>
{
    protected override string Emit(Pool2dOp pool, NodeSpec node, OnnxScope scope)
    {
        var written = scope.Add(pool.Pool == PoolKind.Max ? "MaxPool" : "AveragePool", scope.Output, scope.Input(0))
            .Ints("kernel_shape", pool.KernelSize, pool.KernelSize)
            .Ints("strides", pool.Stride, pool.Stride)
            .Ints("pads", OnnxScope.Pads(scope.Padding(pool.Padding, rank: 2)));
        if (pool.Pool == PoolKind.Avg)
        {
            written.Int("count_include_pad", pool.Padding.Mode == PaddingMode.Explicit ? 1 : 0);
        }

        return scope.Output;
    }
}
