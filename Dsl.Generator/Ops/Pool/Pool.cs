using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of MaxPool1d, AvgPool1d, MaxPool2d, AvgPool2d: the parts of the op, found in this folder.</summary>
internal sealed class PoolDescriptor : OpDescriptor<PoolOp>
{
    public override string Name => "MaxPool2d, AvgPool2d, MaxPool1d, AvgPool1d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("MaxPool2d", PoolArguments.Max2d),
        SurfaceEntry.Node("AvgPool2d", PoolArguments.Avg2d),
        SurfaceEntry.Node("MaxPool1d", PoolArguments.Max1d),
        SurfaceEntry.Node("AvgPool1d", PoolArguments.Avg1d),
    };

    public override IShapeRule Shape { get; } = new PoolRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new PoolTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new PoolPyTorch();

    public override IOnnxEmitter Onnx { get; } = new PoolOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new PoolOp(PoolKind.Max, 2, 2, PaddingSpec.Valid),
        new PoolOp(PoolKind.Avg, 3, 1, PaddingSpec.Same),
        new PoolOp(PoolKind.Max, EquatableArray.Create(2, 3), EquatableArray.Create(2, 1), PaddingSpec.PerAxis(1, 1)),
        new PoolOp(PoolKind.Avg, EquatableArray.Create(4), EquatableArray.Create(4), PaddingSpec.Valid),
        new PoolOp(PoolKind.Max, EquatableArray.Create(3, 3), EquatableArray.Create(2, 2), PaddingSpec.Valid, CeilMode: true),
    };

    protected override ValueFlow ValuesOf(PoolOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(PoolOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.MaxPool2d(kernelSize, stride: kernelSize, padding: Padding.Valid, ceilMode: false), x.AvgPool2d(...), x.MaxPool1d(...), x.AvgPool1d(...); kernelSize, stride and padding of the 2-D kinds take an int or (rows, columns): x.MaxPool2d((2, 1))",
        "MaxPool2d / AvgPool2d: [B, C, H, W] to [B, C, H', W']; MaxPool1d / AvgPool1d: [B, C, L] to [B, C, L']; each size as for a convolution; explicit padding is at most half the kernel; Same pads as Keras (padded zeros do not count in an average). ceilMode (with Valid or explicit padding) rounds the size up as PyTorch's ceil_mode: a last partial window, unless it would start past the input and its left padding.",
        "`nn.MaxPool2d(k, stride, padding, ceil_mode=ceilMode)`, `nn.AvgPool2d(k, stride, padding, ceil_mode=ceilMode)`, `nn.MaxPool1d`, `nn.AvgPool1d`",
        "`layers.MaxPooling2D(k, strides, padding='valid' / 'same')`, `layers.AveragePooling2D(...)`, `layers.MaxPooling1D`, `layers.AveragePooling1D`");
}
