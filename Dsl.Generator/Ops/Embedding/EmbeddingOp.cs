using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Embedding(numEmbeddings, embeddingDim, paddingIdx)</c>: a lookup table over int64 indices.</summary>
internal sealed record EmbeddingOp(int NumEmbeddings, int EmbeddingDim, int? PaddingIdx) : Op
{
    public override string Kind => "Embedding";

    public override bool IsLayer => true;
}
