using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of MaxPool2d, AvgPool2d: the parts of the op, found in this folder.</summary>
internal sealed class Pool2dDescriptor : OpDescriptor<Pool2dOp>
{
    public override string Name => "MaxPool2d, AvgPool2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("MaxPool2d", Pool2dArguments.Max),
        SurfaceEntry.Node("AvgPool2d", Pool2dArguments.Avg),
    };

    public override IShapeRule Shape { get; } = new Pool2dRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new Pool2dTorchSharp();
    public override IPyTorchEmitter PyTorch { get; } = new Pool2dPyTorch();

    public override IOnnxEmitter Onnx { get; } = new Pool2dOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new Pool2dOp(PoolKind.Max, 2, 2, PaddingSpec.Valid),
        new Pool2dOp(PoolKind.Avg, 3, 1, PaddingSpec.Same),
    };

    public override OpDoc Doc { get; } = new(
        "x.MaxPool2d(kernelSize, stride: kernelSize, padding: Padding.Valid), x.AvgPool2d(...)",
        "[B, C, H, W] to [B, C, H', W'], H' as for Conv2d; explicit padding is at most half the kernel; Same pads as Keras (padded zeros do not count in an average).",
        "`nn.MaxPool2d(k, stride, padding)`, `nn.AvgPool2d(k, stride, padding)`",
        "`layers.MaxPooling2D(k, strides, padding='valid' / 'same')`, `layers.AveragePooling2D(...)`");
}
