using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Transpose: the parts of the op, found in this folder.</summary>
internal sealed class TransposeDescriptor : OpDescriptor<TransposeOp>
{
    public override string Name => "Transpose";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Transpose", TransposeArguments.Read),
    };

    public override IShapeRule Shape { get; } = new TransposeRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new TransposeTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new TransposePyTorch();

    public override IOnnxEmitter Onnx { get; } = new TransposeOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new TransposeOp(1, 2),
        new TransposeOp(-1, -2),
    };

    protected override FeatureLayout LayoutOf(TransposeOp op) => FeatureLayout.MovedFromInput((f, rank, _) =>
    {
        int a = Axes.FromFront(op.Dim0, rank), b = Axes.FromFront(op.Dim1, rank);
        return f == a ? b : f == b ? a : f;
    });

    public override OpDoc Doc { get; } = new(
        "x.Transpose(dim0, dim1)",
        "Swaps two non-batch axes (negative from the back): [B, T, F] with (1, 2) or (-1, -2) gives [B, F, T]; the batch swaps only with an axis of the batch size ([B, B] logits of Ops.BatchSimilarity with (0, 1)).",
        "`x.transpose(dim0, dim1)`",
        "`layers.Permute(...)` of two axes");
}
