using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Linear(outFeatures, bias)</c> over [B, F].</summary>
internal sealed record LinearOp(int OutFeatures, bool Bias) : Op
{
    public override string Kind => "Linear";

    public override bool IsLayer => true;

    public override bool WritesFreshOutput => true;
}
