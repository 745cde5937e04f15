using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>x.Embedding(numEmbeddings, embeddingDim, paddingIdx, name)</c>; the padding index is checked against the table by the rule.</summary>
internal static class EmbeddingArguments
{
    public static OpRead Read(Call call)
    {
        var self = call.Receiver();
        return new OpRead(new EmbeddingOp(call.Int("numEmbeddings", 1), call.Int("embeddingDim", 1), call.OptionalInt("paddingIdx", int.MinValue)), self);
    }
}
