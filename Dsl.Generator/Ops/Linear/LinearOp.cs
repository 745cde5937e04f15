using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Linear(outFeatures, bias)</c> over [B, F]; <paramref name="TiedTo"/>: the id of the Embedding node whose table is
/// the weight (<c>Linear(outFeatures, tiedTo: wte)</c>), or -1 for a layer with its own weight.
/// </summary>
internal sealed record LinearOp(int OutFeatures, bool Bias, int TiedTo = -1) : Op
{
    public override string Kind => "Linear";

    public override bool IsLayer => true;

    public override bool WritesFreshOutput => true;

    /// <summary>True when the weight is another layer's (weight tying).</summary>
    public bool IsTied => TiedTo >= 0;
}
