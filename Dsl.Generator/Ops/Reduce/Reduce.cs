using System.Linq;
using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of the reductions Mean, Sum and Max: the parts of the op, found in this folder.</summary>
internal sealed class ReduceDescriptor : OpDescriptor<ReduceOp>
{
    public override string Name => "Mean, Sum, Max";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Float32;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Mean", ReduceArguments.For(ReduceKind.Mean)),
        SurfaceEntry.Node("Sum", ReduceArguments.For(ReduceKind.Sum)),
        SurfaceEntry.Node("Max", ReduceArguments.For(ReduceKind.Max)),
    };

    public override IShapeRule Shape { get; } = new ReduceRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ReduceTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ReducePyTorch();

    public override IOnnxEmitter Onnx { get; } = new ReduceOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ReduceOp(ReduceKind.Mean, EquatableArray.Create(1), KeepDim: false),
        new ReduceOp(ReduceKind.Sum, EquatableArray.Create(-1, -2), KeepDim: true),
        new ReduceOp(ReduceKind.Max, EquatableArray.Create(-1), KeepDim: false),
    };

    /// <summary>Reducing over the feature axis removes it; reduced axes before it shift it down unless kept.</summary>
    protected override FeatureLayout LayoutOf(ReduceOp op) => FeatureLayout.MovedFromInput((f, _, inputRank) =>
    {
        var dims = op.Dims.Select(d => Axes.FromFront(d, inputRank)).ToList();
        return dims.Contains(f) ? null : op.KeepDim ? f : f - dims.Count(d => d < f);
    });

    public override OpDoc Doc { get; } = new(
        "x.Mean(dim or dims, keepDim: false), x.Sum(dim or dims, keepDim: false), x.Max(dim, keepDim: false)",
        "Reduces non-batch axes (negative from the back), each named once: they disappear, or stay as size 1 with keepDim. [B, T, F].Mean(1) is [B, F]. Max gives the values.",
        "`x.mean(dims, keepdim)`, `x.sum(dims, keepdim)`, `x.max(dim, keepdim).values`",
        "`ops.mean(x, axis, keepdims)`, `ops.sum`, `ops.max`; `layers.GlobalAveragePooling1D()` for Mean(1)");
}
