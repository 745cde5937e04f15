using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of the global poolings (average and max, 2-D and 1-D): the parts of the op, found in this folder.</summary>
internal sealed class GlobalPoolDescriptor : OpDescriptor<GlobalPoolOp>
{
    public override string Name => "GlobalAvgPool2d, GlobalMaxPool2d, GlobalAvgPool1d, GlobalMaxPool1d";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Float32;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("GlobalAvgPool2d", GlobalPoolArguments.Avg2d),
        SurfaceEntry.Node("GlobalMaxPool2d", GlobalPoolArguments.Max2d),
        SurfaceEntry.Node("GlobalAvgPool1d", GlobalPoolArguments.Avg1d),
        SurfaceEntry.Node("GlobalMaxPool1d", GlobalPoolArguments.Max1d),
    };

    public override IShapeRule Shape { get; } = new GlobalPoolRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new GlobalPoolTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new GlobalPoolPyTorch();

    public override IOnnxEmitter Onnx { get; } = new GlobalPoolOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new GlobalPoolOp(PoolKind.Avg, 2),
        new GlobalPoolOp(PoolKind.Max, 2),
        new GlobalPoolOp(PoolKind.Avg, 1),
        new GlobalPoolOp(PoolKind.Max, 1),
    };

    protected override ValueFlow ValuesOf(GlobalPoolOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(GlobalPoolOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.GlobalAvgPool2d(), x.GlobalMaxPool2d(), x.GlobalAvgPool1d(), x.GlobalMaxPool1d()",
        "[B, C, H, W] (2d) or [B, C, L] (1d) to [B, C]: the mean or the maximum over the spatial axes; symbolic spatial sizes are fine.",
        "`x.mean((2, 3))` / `x.amax((2, 3))`, or `nn.AdaptiveAvgPool2d(1)` / `nn.AdaptiveMaxPool2d(1)` and a flatten",
        "`layers.GlobalAveragePooling2D()`, `layers.GlobalMaxPooling2D()`, `layers.GlobalAveragePooling1D()`, `layers.GlobalMaxPooling1D()`");
}
