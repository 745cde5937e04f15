using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Clamp: the parts of the op, found in this folder.</summary>
internal sealed class ClampDescriptor : OpDescriptor<ClampOp>
{
    public override string Name => "Clamp";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Clamp", ClampArguments.Read),
    };

    public override IShapeRule Shape { get; } = new ClampRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ClampTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ClampPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ClampOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ClampOp(-1, 1),
        new ClampOp(1e-6, null),
        new ClampOp(null, 6),
    };

    protected override FeatureLayout LayoutOf(ClampOp op) => FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x.Clamp(min: null, max: null)",
        "Element-wise into [min, max], same type; at least one bound, min not above max.",
        "`torch.clamp(x, min, max)`",
        "`ops.clip(x, min, max)`");
}
