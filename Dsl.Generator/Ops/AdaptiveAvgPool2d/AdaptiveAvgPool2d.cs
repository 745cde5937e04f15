using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of AdaptiveAvgPool2d: the parts of the op, found in this folder.</summary>
internal sealed class AdaptiveAvgPool2dDescriptor : OpDescriptor<AdaptiveAvgPool2dOp>
{
    public override string Name => "AdaptiveAvgPool2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("AdaptiveAvgPool2d", AdaptiveAvgPool2dArguments.Read),
    };

    public override IShapeRule Shape { get; } = new AdaptiveAvgPool2dRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new AdaptiveAvgPool2dTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new AdaptiveAvgPool2dPyTorch();

    public override IOnnxEmitter Onnx { get; } = new AdaptiveAvgPool2dOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new AdaptiveAvgPool2dOp(7, 7),
        new AdaptiveAvgPool2dOp(1, 4),
    };

    protected override ValueFlow ValuesOf(AdaptiveAvgPool2dOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(AdaptiveAvgPool2dOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.AdaptiveAvgPool2d(outputHeight, outputWidth: outputHeight)",
        "[B, C, H, W] to [B, C, outputHeight, outputWidth] for any H and W (symbolic too): each output averages its adaptive window.",
        "`nn.AdaptiveAvgPool2d((outputHeight, outputWidth))`",
        "no layer; `layers.AveragePooling2D` with the pool size H / outputHeight where it divides");
}
