using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Normalize(p, dim, eps)</c>: <c>x / max(||x||_p, eps)</c> along axis <see cref="Dim"/> (0 is the batch; negative counts from the back).</summary>
internal sealed record NormalizeOp(double P, int Dim, double Eps) : Op
{
    public override string Kind => "Normalize";
}
