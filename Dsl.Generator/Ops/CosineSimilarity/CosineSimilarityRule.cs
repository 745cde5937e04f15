using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.CosineSimilarity(a, b)</c>: two [B, F] nodes with equal F to [B, 1].</summary>
internal sealed class CosineSimilarityRule : PairwiseRule<CosineSimilarityOp>
{
}
