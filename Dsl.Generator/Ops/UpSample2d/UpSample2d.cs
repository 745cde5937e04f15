using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of UpSample2d: the parts of the op, found in this folder.</summary>
internal sealed class UpSample2dDescriptor : OpDescriptor<UpSample2dOp>
{
    public override string Name => "UpSample2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("UpSample2d", UpSample2dArguments.Read),
    };

    public override IShapeRule Shape { get; } = new UpSample2dRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new UpSample2dTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new UpSample2dPyTorch();

    public override IOnnxEmitter Onnx { get; } = new UpSample2dOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new UpSample2dOp(2),
        new UpSample2dOp(3, Bilinear: true),
    };

    protected override ValueFlow ValuesOf(UpSample2dOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(UpSample2dOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.UpSample2d(scaleFactor, mode: UpSampleMode.Nearest)",
        "[B, C, H, W] to [B, C, H * k, W * k] (nearest neighbour, or UpSampleMode.Bilinear with corners not aligned; a symbolic H stays affine).",
        "`nn.Upsample(scale_factor=k, mode='nearest')` / `mode='bilinear'` (align_corners=False)",
        "`layers.UpSampling2D(k, interpolation='nearest' / 'bilinear')`");
}
