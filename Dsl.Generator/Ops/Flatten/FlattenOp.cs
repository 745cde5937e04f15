using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Flatten(startDim, endDim)</c>: axes <see cref="StartDim"/> to <see cref="EndDim"/> (0 is the batch; negative
/// counts from the back) in one; the default [B, d1, ..., dn] to [B, d1*...*dn].
/// </summary>
internal sealed record FlattenOp(int StartDim = 1, int EndDim = -1) : Op
{
    public override string Kind => "Flatten";

    /// <summary>True for PyTorch's default, everything after the batch.</summary>
    public bool AfterBatch => StartDim == 1 && EndDim == -1;
}
