using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of ZeroPad1d, ConstantPad1d, ConstantPad2d: the parts of the op, found in this folder.</summary>
internal sealed class ConstantPadDescriptor : OpDescriptor<ConstantPadOp>
{
    public override string Name => "ZeroPad1d, ConstantPad1d, ConstantPad2d";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("ZeroPad1d", ConstantPadArguments.ZeroPad1d),
        SurfaceEntry.Node("ConstantPad1d", ConstantPadArguments.ConstantPad1d),
        SurfaceEntry.Node("ConstantPad2d", ConstantPadArguments.ConstantPad2d),
    };

    public override IShapeRule Shape { get; } = new ConstantPadRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ConstantPadTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ConstantPadPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ConstantPadOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ConstantPadOp("ZeroPad1d", EquatableArray.Create(2), EquatableArray.Create(0), 0),
        new ConstantPadOp("ConstantPad1d", EquatableArray.Create(1), EquatableArray.Create(3), -1.5),
        new ConstantPadOp("ConstantPad2d", EquatableArray.Create(1, 2), EquatableArray.Create(0, 3), 0.25),
    };

    // Zeros keep what the input's values lie in only where the range holds 0; any other constant, not known.
    protected override ValueFlow ValuesOf(ConstantPadOp op) => op.Value == 0 ? ValueFlow.FromInput : ValueFlow.Unknown;

    protected override FeatureLayout LayoutOf(ConstantPadOp op) => FeatureLayout.ChannelsFirst;

    public override OpDoc Doc { get; } = new(
        "x.ZeroPad1d(padding), x.ConstantPad1d(padding, value): an int (both ends) or (left, right); x.ConstantPad2d(padding, value): an int (every side) or (left, right, top, bottom), PyTorch's order",
        "[B, C, L] to [B, C, L + left + right]; [B, C, H, W] to [B, C, H + top + bottom, W + left + right], the new elements value (0 for ZeroPad1d); symbolic sizes stay affine.",
        "`nn.ZeroPad1d(padding)`, `nn.ConstantPad1d(padding, value)`, `nn.ConstantPad2d(padding, value)`",
        "`layers.ZeroPadding1D((left, right))` (channels last); a constant other than 0: none (`tf.pad(x, ..., constant_values=value)`)");
}
