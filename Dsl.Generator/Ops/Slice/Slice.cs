using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Slice: the parts of the op, found in this folder.</summary>
internal sealed class SliceDescriptor : OpDescriptor<SliceOp>
{
    public override string Name => "Slice";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Slice", SliceArguments.Read),
    };

    public override IShapeRule Shape { get; } = new SliceRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new SliceTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new SlicePyTorch();

    public override IOnnxEmitter Onnx { get; } = new SliceOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new SliceOp(-1, 0, 16),
        new SliceOp(1, 1, null),
        new SliceOp(1, -3, -1),
    };

    protected override FeatureLayout LayoutOf(SliceOp op) => FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x.Slice(dim, start, end: null)",
        "Python's x[..., start:end] on a non-batch axis, negative from the back; a known size must leave at least one position, a symbolic T gives an affine length (Slice(1, 1) is T - 1).",
        "`x[:, start:end]` (`x.narrow`)",
        "`x[:, start:end]` (`layers.Cropping1D` for the time axis)");
}
