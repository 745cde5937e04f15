using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Dropout: the parts of the op, found in this folder.</summary>
internal sealed class DropoutDescriptor : OpDescriptor<DropoutOp>
{
    public override string Name => "Dropout, Dropout1d, Dropout2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Dropout", DropoutArguments.Read),
        SurfaceEntry.Node("Dropout1d", DropoutArguments.Read1d),
        SurfaceEntry.Node("Dropout2d", DropoutArguments.Read2d),
    };

    public override IShapeRule Shape { get; } = new DropoutRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new DropoutTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new DropoutPyTorch();

    public override IOnnxEmitter Onnx { get; } = new DropoutOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new DropoutOp(0.5),
        new DropoutOp(0.2, 1),
        new DropoutOp(0.1, 2),
    };

    protected override FeatureLayout LayoutOf(DropoutOp op) => op.SpatialRank > 0 ? FeatureLayout.ChannelsFirst : FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x.Dropout(p), x.Dropout1d(p), x.Dropout2d(p)",
        "Same type; 0 <= p < 1; identity in eval mode. Dropout1d ([B, C, L]) and Dropout2d ([B, C, H, W]) zero whole channels.",
        "`nn.Dropout(p)`, `nn.Dropout1d(p)`, `nn.Dropout2d(p)`",
        "`layers.Dropout(p)`, `layers.SpatialDropout1D(p)`, `layers.SpatialDropout2D(p)`");
}
