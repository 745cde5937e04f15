using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Concat: the parts of the op, found in this folder.</summary>
internal sealed class ConcatDescriptor : OpDescriptor<ConcatOp>
{
    public override string Name => "Concat";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "Concat", ConcatArguments.Read),
    };

    public override IShapeRule Shape { get; } = new ConcatRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ConcatTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ConcatPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ConcatOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ConcatOp(1),
        new ConcatOp(1, Broadcast: true),
    };

    protected override FeatureLayout LayoutOf(ConcatOp op) => FeatureLayout.AgreedByOperands;

    public override OpDoc Doc { get; } = new(
        "Ops.Concat(dim, nodes...), Ops.Concat(dim, broadcast: true, nodes...)",
        "Two or more operands of one rank that agree on every dim except dim (a non-batch axis, negative from the back); the output's dim is the sum. With broadcast: true a size of 1 on another axis (a g.Parameter's batch of one included) expands to the others' size first: a [CLS] token [1, 1, D] and tokens [B, T, D] give [B, T + 1, D].",
        "`torch.cat(nodes, dim)`; broadcast: `torch.cat([cls.expand(B, -1, -1), x], dim)`",
        "`layers.Concatenate(axis=dim)`");

    protected override bool BroadcastsBatchOf(ConcatOp op) => op.Broadcast;
}
