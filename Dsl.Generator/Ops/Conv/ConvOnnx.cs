using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Conv</c> (or <c>ConvTranspose</c>) over any spatial rank with the weight (and bias) as initializers; Keras Same
/// padding of a convolution as explicit pads, asymmetric where it is; a transposed convolution's padding and output
/// padding per axis as PyTorch applies them.
/// </summary>
internal sealed class ConvOnnx : OnnxEmitter<ConvOp>
{
    protected override string Emit(ConvOp conv, NodeSpec node, OnnxScope scope)
    {
        long channels = scope.InputType(0).Dims[0].Value;
        int rank = conv.SpatialRank;
        var kernel = conv.KernelSize.Select(k => (long)k);
        long[] weightShape = conv.Transposed
            ? new[] { channels, (long)conv.OutChannels / conv.Groups }.Concat(kernel).ToArray()
            : new[] { (long)conv.OutChannels, channels / conv.Groups }.Concat(kernel).ToArray();
        var inputs = new List<string> { scope.Input(0), scope.Weight("weight", weightShape) };
        if (conv.Bias)
        {
            inputs.Add(scope.Weight("bias", conv.OutChannels));
        }

        long[] pads = conv.Transposed
            ? Enumerable.Range(0, rank).Select(a => (long)conv.TransposedPadding(a).Padding).Concat(Enumerable.Range(0, rank).Select(a => (long)conv.TransposedPadding(a).Padding)).ToArray()
            : OnnxScope.Pads(scope.Padding(conv.Padding, rank));
        var written = scope.Add(conv.Transposed ? "ConvTranspose" : "Conv", scope.Output, inputs.ToArray())
            .Ints("kernel_shape", kernel.ToArray())
            .Ints("strides", conv.Stride.Select(s => (long)s).ToArray())
            .Ints("pads", pads)
            .Ints("dilations", conv.Dilation.Select(d => (long)d).ToArray())
            .Int("group", conv.Groups);
        if (conv.Transposed)
        {
            written.Ints("output_padding", Enumerable.Range(0, rank).Select(a => (long)conv.TransposedPadding(a).OutputPadding).ToArray());
        }

        return scope.Output;
    }
}
