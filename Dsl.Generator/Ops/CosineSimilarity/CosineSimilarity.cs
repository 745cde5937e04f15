using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of CosineSimilarity: the parts of the op, found in this folder.</summary>
internal sealed class CosineSimilarityDescriptor : OpDescriptor<CosineSimilarityOp>
{
    public override string Name => "CosineSimilarity";

    public override ComputePrecision MixedPrecision(Op op) => ComputePrecision.Float32;

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        new SurfaceEntry("Ops", "CosineSimilarity", CosineSimilarityArguments.Read),
    };

    public override IShapeRule Shape { get; } = new CosineSimilarityRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new CosineSimilarityTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new CosineSimilarityPyTorch();

    public override IOnnxEmitter Onnx { get; } = new CosineSimilarityOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new CosineSimilarityOp(),
    };

    protected override ValueFlow ValuesOf(CosineSimilarityOp op) => ValueFlow.Unbounded;

    protected override bool IsSimilarityOf(CosineSimilarityOp op) => true;

    public override OpDoc Doc { get; } = new(
        "Ops.CosineSimilarity(a, b)",
        "Two [B, F] nodes with equal F to [B, 1].",
        "`nn.functional.cosine_similarity(a, b, 1).unsqueeze(1)`",
        "`layers.Dot(axes=1, normalize=True)`");
}
