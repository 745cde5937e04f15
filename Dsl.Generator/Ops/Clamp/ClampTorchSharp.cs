using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>clamp</c>, or <c>clamp_min</c> / <c>clamp_max</c> with one bound.</summary>
internal sealed class ClampTorchSharp : TorchSharpEmitter<ClampOp>
{
    protected override ForwardStep Forward(ClampOp op, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new((op.Min, op.Max) switch
        {
            (double min, double max) => $"{x}.clamp({Names.DoubleLiteral(min)}, {Names.DoubleLiteral(max)})",
            (double min, null) => $"{x}.clamp_min({Names.DoubleLiteral(min)})",
            (null, double max) => $"{x}.clamp_max({Names.DoubleLiteral(max)})",
            _ => throw new System.InvalidOperationException("Clamp without bounds passed its rule."),
        });
    }
}
