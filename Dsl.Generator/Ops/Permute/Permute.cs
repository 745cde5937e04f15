using System.Linq;
using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Permute: the parts of the op, found in this folder.</summary>
internal sealed class PermuteDescriptor : OpDescriptor<PermuteOp>
{
    public override string Name => "Permute";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Permute", PermuteArguments.Read),
    };

    public override IShapeRule Shape { get; } = new PermuteRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new PermuteTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new PermutePyTorch();

    public override IOnnxEmitter Onnx { get; } = new PermuteOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new PermuteOp(EquatableArray.Create(0, 2, 3, 1)),
        new PermuteOp(EquatableArray.Create(0, -1, 1)),
    };

    protected override FeatureLayout LayoutOf(PermuteOp op) => FeatureLayout.MovedFromInput((f, rank, _) =>
    {
        int at = op.Dims.Select(d => Axes.FromFront(d, rank)).ToList().IndexOf(f);
        return at >= 0 ? at : null;
    });

    public override OpDoc Doc { get; } = new(
        "x.Permute(dims...)",
        "Reorders every axis, each named once (negative from the back), the batch staying first: [B, C, H, W] with (0, 2, 3, 1) gives the channels-last [B, H, W, C].",
        "`x.permute(dims)`",
        "`layers.Permute(dims without the batch, 1-based)`");
}
