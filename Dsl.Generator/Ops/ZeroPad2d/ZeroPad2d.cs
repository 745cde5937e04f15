using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of ZeroPad2d, Cropping2d: the parts of the op, found in this folder.</summary>
internal sealed class ZeroPad2dDescriptor : OpDescriptor<ZeroPad2dOp>
{
    public override string Name => "ZeroPad2d, Cropping2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("ZeroPad2d", ZeroPad2dArguments.Pad),
        SurfaceEntry.Node("Cropping2d", ZeroPad2dArguments.Crop),
    };

    public override IShapeRule Shape { get; } = new ZeroPad2dRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ZeroPad2dTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ZeroPad2dPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ZeroPad2dOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ZeroPad2dOp(1, 1, 1, 1),
        new ZeroPad2dOp(0, 1, 2, 3, Crop: true),
    };

    protected override ValueFlow ValuesOf(ZeroPad2dOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(ZeroPad2dOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.ZeroPad2d(padding), x.Cropping2d(cropping): an int (every side) or (top, bottom, left, right)",
        "[B, C, H, W] to [B, C, H + top + bottom, W + left + right] (Cropping2d: minus), symbolic sizes stay affine; cropping must leave at least one row and column.",
        "`nn.ZeroPad2d((left, right, top, bottom))`; cropping: `x[:, :, top:H - bottom, left:W - right]`",
        "`layers.ZeroPadding2D(((top, bottom), (left, right)))`, `layers.Cropping2D(((top, bottom), (left, right)))`");
}
