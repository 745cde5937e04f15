using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Ops.EuclideanDistance(a, b)</c>: [B, F] x [B, F] to [B, 1].</summary>
internal sealed record EuclideanDistanceOp : Op
{
    public override string Kind => "EuclideanDistance";

    public override string NamePrefix => "euclidean_distance";
}
