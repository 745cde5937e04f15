using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>GlobalAveragePool</c> for a 1 x 1 grid, else <c>AveragePool</c> with kernel = stride = size / output where the
/// sizes divide (PyTorch's adaptive windows are then exactly those); other sizes have no ONNX operator.
/// </summary>
internal sealed class AdaptiveAvgPool2dOnnx : OnnxEmitter<AdaptiveAvgPool2dOp>
{
    protected override string Emit(AdaptiveAvgPool2dOp op, NodeSpec node, OnnxScope scope)
    {
        var type = scope.InputType(0);
        if (op.OutputHeight == 1 && op.OutputWidth == 1)
        {
            scope.Add("GlobalAveragePool", scope.Output, scope.Input(0));
            return scope.Output;
        }

        var (height, width) = (type.Dims[1], type.Dims[2]);
        if (!height.IsKnown || !width.IsKnown || height.Value % op.OutputHeight != 0 || width.Value % op.OutputWidth != 0)
        {
            throw new OnnxUnsupportedException($"AdaptiveAvgPool2d '{node.Name}': ONNX has no adaptive pooling; {type.ShapeText} to {op.OutputHeight} x {op.OutputWidth} needs sizes that divide evenly");
        }

        long kh = height.Value / op.OutputHeight;
        long kw = width.Value / op.OutputWidth;
        scope.Add("AveragePool", scope.Output, scope.Input(0)).Ints("kernel_shape", kh, kw).Ints("strides", kh, kw);
        return scope.Output;
    }
}
