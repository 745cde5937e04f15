using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary><c>functional.dropout</c> (or <c>dropout1d</c> / <c>dropout2d</c>: whole channels) in training mode only.</summary>
internal sealed class DropoutTorchSharp : TorchSharpEmitter<DropoutOp>
{
    protected override ForwardStep Forward(DropoutOp dropout, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"{F}{dropout.Kind.ToLowerInvariant()}({names.Local(node.Inputs[0])}, {Names.DoubleLiteral(dropout.P)}, this.training)");
}
