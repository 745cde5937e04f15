using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>LayerNorm</c> over the last <see cref="Dims"/> dimensions of each sample, with a learned scale and shift when <see cref="Affine"/>.</summary>
internal sealed record LayerNormOp(int Dims, double Eps, bool Affine) : Op
{
    public override string Kind => "LayerNorm";

    public override string NamePrefix => "layer_norm";

    public override bool IsLayer => true;
}
