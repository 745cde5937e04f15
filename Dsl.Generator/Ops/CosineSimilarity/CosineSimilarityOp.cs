using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.CosineSimilarity(a, b)</c>: [B, F] x [B, F] to [B, 1].</summary>
internal sealed record CosineSimilarityOp : Op
{
    public override string Kind => "CosineSimilarity";

    public override string NamePrefix => "cosine_similarity";
}
