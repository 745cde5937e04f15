using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of EuclideanDistance: the parts of the op, found in this folder.</summary>
internal sealed class EuclideanDistanceDescriptor : OpDescriptor<EuclideanDistanceOp>
{
    public override string Name => "EuclideanDistance";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Float32;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "EuclideanDistance", EuclideanDistanceArguments.Read),
    };

    public override IShapeRule Shape { get; } = new EuclideanDistanceRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new EuclideanDistanceTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new EuclideanDistancePyTorch();

    public override IOnnxEmitter Onnx { get; } = new EuclideanDistanceOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new EuclideanDistanceOp(),
    };

    protected override ValueFlow ValuesOf(EuclideanDistanceOp op) => ValueFlow.Unbounded;

    public override OpDoc Doc { get; } = new(
        "Ops.EuclideanDistance(a, b)",
        "Two [B, F] nodes with equal F to [B, 1]; the squared sum is clamped at 1e-12 before the square root.",
        "`(a - b).square().sum(1, keepdim=True).clamp_min(1e-12).sqrt()`",
        "a `layers.Lambda` of the same expression (Keras' siamese example)");
}
