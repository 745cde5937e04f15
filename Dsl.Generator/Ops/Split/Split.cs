using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Split and Chunk: the parts of the op, found in this folder.</summary>
internal sealed class SplitDescriptor : OpDescriptor<SplitOp>
{
    public override string Name => "Split, Chunk";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Split", SplitArguments.Split),
        SurfaceEntry.Node("Chunk", SplitArguments.Chunk),
    };

    public override IShapeRule Shape { get; } = new SplitRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new SplitTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new SplitPyTorch();

    public override IOnnxEmitter Onnx { get; } = new SplitOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new SplitOp(-1, EquatableArray.Create(16, 16), 0, 1),
        new SplitOp(1, EquatableArray<int>.Empty, 3, 0),
    };

    protected override FeatureLayout LayoutOf(SplitOp op) => FeatureLayout.KeptFromInput;

    public override OpDoc Doc { get; } = new(
        "x.Split(sizes, dim), x.Chunk(chunks, dim) (both return Node[]: var parts = x.Chunk(2, -1); parts[0])",
        "Pieces of a non-batch axis of known size: consecutive sizes that add up to it, or chunks that divide it evenly; each piece keeps the other dims.",
        "`torch.split(x, sizes, dim)`, `torch.chunk(x, chunks, dim)`",
        "`ops.split(x, indices, axis)`");
}
