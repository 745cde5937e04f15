using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Flip(dim)</c>: reverses the order along one dimension (0 is the batch).</summary>
internal sealed record FlipOp(int Dim) : Op
{
    public override string Kind => "Flip";
}

/// <summary>
/// The catalogue entry of Flip, a trivial op in one file: its record above, and here the argument reader, the shape
/// rule and the emitters inline (an op with more to say keeps them in files of their own, as Conv does).
/// </summary>
internal sealed class FlipDescriptor : OpDescriptor<FlipOp>
{
    public override string Name => "Flip";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Flip", call => new OpRead(new FlipOp(call.Int("dim", 0)), call.Receiver())),
    };

    /// <summary>Same type; 0 &lt;= dim &lt; rank (0 is the batch).</summary>
    public override IShapeRule Shape { get; } = new SameTypeRule<FlipOp>((op, context) =>
        (op.Dim >= 0 && op.Dim < context.Input.Rank)
        || context.Reject("dim", "dim " + ShapeContext.Text(op.Dim) + " is out of range for " + context.Input.ShapeText + "; use 0 (the batch) to " + (context.Input.Rank - 1)));

    public override ITorchSharpEmitter TorchSharp { get; } = new InlineTorchSharp<FlipOp>((flip, x) => $"{x}.flip({TorchSharpCode.Lit(flip.Dim)})");

    public override IPyTorchEmitter PyTorch { get; } = new InlinePyTorch<FlipOp>((flip, x) => $"{x}.flip({PyTorchCode.Int(flip.Dim)})");

    /// <summary>ONNX has no flip: a <c>Slice</c> from the last element to before the first with step -1.</summary>
    public override IOnnxEmitter Onnx { get; } = new InlineOnnx<FlipOp>((flip, scope) =>
    {
        scope.Add("Slice", scope.Output, scope.Input(0), scope.Ints("starts", -1), scope.Ints("ends", long.MinValue), scope.Ints("axes", flip.Dim), scope.Ints("steps", -1));
        return scope.Output;
    });

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
