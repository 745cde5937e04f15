using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Embedding: the parts of the op, found in this folder.</summary>
internal sealed class EmbeddingDescriptor : OpDescriptor<EmbeddingOp>
{
    public override string Name => "Embedding";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Embedding", EmbeddingArguments.Read),
    };

    public override IShapeRule Shape { get; } = new EmbeddingRule();

    public override string Parameters => "numEmbeddings * embeddingDim";

    public override string MultiplyAccumulates => "0 (a table lookup)";

    public override ITorchSharpEmitter TorchSharp { get; } = new EmbeddingTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new EmbeddingPyTorch();

    public override IOnnxEmitter Onnx { get; } = new EmbeddingOnnx();

    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new EmbeddingOp(1000, 64, null),
        new EmbeddingOp(50, 16, 0),
    };

    protected override FeatureLayout LayoutOf(EmbeddingOp op) => FeatureLayout.FeaturesLast;

    public override OpDoc Doc { get; } = new(
        "tokens.Embedding(numEmbeddings, embeddingDim, paddingIdx: null, name: null)",
        "int64 indices [B, ...] (declared with g.Input(name, DType.Int64, ...)) to float32 [B, ..., embeddingDim]; the padding row is zero and gets no gradient.",
        "`nn.Embedding(numEmbeddings, embeddingDim, padding_idx=paddingIdx)`",
        "`layers.Embedding(numEmbeddings, embeddingDim)`");
}
