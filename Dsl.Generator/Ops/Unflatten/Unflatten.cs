using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Unflatten: the parts of the op, found in this folder.</summary>
internal sealed class UnflattenDescriptor : OpDescriptor<UnflattenOp>
{
    public override string Name => "Unflatten";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Unflatten", UnflattenArguments.Read),
    };

    public override IShapeRule Shape { get; } = new UnflattenRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new UnflattenTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new UnflattenPyTorch();

    public override IOnnxEmitter Onnx { get; } = new UnflattenOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new UnflattenOp(1, EquatableArray.Create(3, 4)),
        new UnflattenOp(-1, EquatableArray.Create(2, -1)),
    };

    // It only moves elements: a sigmoid's probabilities stay probabilities (what a loss's value-range check reads).
    protected override ValueFlow ValuesOf(UnflattenOp op) => ValueFlow.FromInput;

    public override OpDoc Doc { get; } = new(
        "x.Unflatten(dim, sizes...)",
        "Axis dim (after the batch; negative counts from the back), of a known size, split into the sizes, whose product is that size (one may be -1: inferred): [B, 12, T] with Unflatten(1, 3, 4) is [B, 3, 4, T]; a symbolic axis may be split into sizes of 1 and one -1, which inserts axes of size 1 around it ([B, T] with Unflatten(1, 1, 1, -1) is [B, 1, 1, T], PyTorch's mask[:, None, None, :]).",
        "`x.unflatten(dim, sizes)`, `nn.Unflatten(dim, sizes)`",
        "`layers.Reshape(...)`");
}
