using System.Collections.Generic;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Conv</c> with the weight (and bias) as initializers; Keras Same padding as explicit pads, asymmetric where it is.</summary>
internal sealed class Conv2dOnnx : OnnxEmitter<Conv2dOp>
{
    protected override string Emit(Conv2dOp conv, NodeSpec node, OnnxScope scope)
    {
        long channels = scope.InputType(0).Dims[0].Value;
        var inputs = new List<string> { scope.Input(0), scope.Weight("weight", conv.OutChannels, channels / conv.Groups, conv.KernelSize, conv.KernelSize) };
        if (conv.Bias)
        {
            inputs.Add(scope.Weight("bias", conv.OutChannels));
        }

        scope.Add("Conv", scope.Output, inputs.ToArray())
            .Ints("kernel_shape", conv.KernelSize, conv.KernelSize)
            .Ints("strides", conv.Stride, conv.Stride)
            .Ints("pads", OnnxScope.Pads(scope.Padding(conv.Padding, rank: 2)))
            .Ints("dilations", conv.Dilation, conv.Dilation)
            .Int("group", conv.Groups);
        return scope.Output;
    }
}
