using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Expand: the parts of the op, found in this folder.</summary>
internal sealed class ExpandDescriptor : OpDescriptor<ExpandOp>
{
    public override string Name => "Expand";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Expand", ExpandArguments.Read),
    };

    public override IShapeRule Shape { get; } = new ExpandRule();

    public override string Parameters => "0";

    public override string MultiplyAccumulates => "0 (element-wise or data movement; not counted)";

    public override ITorchSharpEmitter TorchSharp { get; } = new ExpandTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ExpandPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ExpandOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ExpandOp(EquatableArray.Create(-1, 8), BatchOf: false),
        new ExpandOp(EquatableArray<int>.Empty, BatchOf: true),
    };

    public override OpDoc Doc { get; } = new(
        "x.Expand(sizes...), x.Expand(batchOf, sizes...)",
        "One size per axis after the batch (or none): an axis of size 1 takes the size, -1 keeps it. With batchOf, a batch of one (g.Parameter, a constant) takes batchOf's batch: [1, 1, D] gives [B, 1, D]. int64 ids (positions) stay int64.",
        "`x.expand(-1, sizes...)`, `x.expand(batchOf.size(0), -1, ...)`",
        "`ops.broadcast_to(x, shape)`");

    protected override bool BroadcastsBatchOf(ExpandOp op) => true;
}
