using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Flip: the parts of the op, found in this folder.</summary>
internal sealed class FlipDescriptor : OpDescriptor<FlipOp>
{
    public override string Name => "Flip";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Flip", FlipArguments.Read),
    };

    public override IShapeRule Shape { get; } = new FlipRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new FlipTorchSharp();
    public override IPyTorchEmitter PyTorch { get; } = new FlipPyTorch();

    public override IOnnxEmitter Onnx { get; } = new FlipOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new FlipOp(3),
    };

    protected override ValueFlow ValuesOf(FlipOp op) => ValueFlow.FromInput;

    protected override FeatureLayout LayoutOf(FlipOp op) => FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x.Flip(dim)",
        "Same type; 0 <= dim < rank (0 is the batch).",
        "`torch.flip(x, [dim])`",
        "`ops.flip(x, axis=dim)`");
}
