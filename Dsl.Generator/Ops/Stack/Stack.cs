using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Stack: the parts of the op, found in this folder.</summary>
internal sealed class StackDescriptor : OpDescriptor<StackOp>
{
    public override string Name => "Stack";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "Stack", StackArguments.Read),
    };

    public override IShapeRule Shape { get; } = new StackRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new StackTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new StackPyTorch();

    public override IOnnxEmitter Onnx { get; } = new StackOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new StackOp(1),
        new StackOp(-1),
    };

    protected override FeatureLayout LayoutOf(StackOp op) => FeatureLayout.Stacked(op.Dim);

    public override OpDoc Doc { get; } = new(
        "Ops.Stack(dim, nodes...)",
        "Two or more nodes of one shape along a new axis at dim of the result (negative from its back): two [B, F] give [B, 2, F] at 1.",
        "`torch.stack([...], dim)`",
        "`ops.stack([...], axis)`");
}
