using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Flatten: the parts of the op, found in this folder.</summary>
internal sealed class FlattenDescriptor : OpDescriptor<FlattenOp>
{
    public override string Name => "Flatten";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Flatten", FlattenArguments.Read),
    };

    public override IShapeRule Shape { get; } = new FlattenRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new FlattenTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new FlattenPyTorch();

    public override IOnnxEmitter Onnx { get; } = new FlattenOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new FlattenOp(),
        new FlattenOp(2, 3),
    };

    protected override ValueFlow ValuesOf(FlattenOp op) => ValueFlow.FromInput;

    public override OpDoc Doc { get; } = new(
        "x.Flatten(startDim: 1, endDim: -1)",
        "Axes startDim to endDim in one, their product (0 is the batch, never flattened; negative counts from the back): by default [B, d1, ..., dn] to [B, d1 * ... * dn]; at most one symbolic dim among the flattened.",
        "`nn.Flatten(start_dim, end_dim)`, `x.flatten(start_dim, end_dim)`",
        "`layers.Flatten()`");
}
