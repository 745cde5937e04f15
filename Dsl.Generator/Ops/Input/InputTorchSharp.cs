using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A graph input: the member of the <c>Inputs</c> record.</summary>
internal sealed class InputTorchSharp : TorchSharpEmitter<InputOp>
{
    protected override ForwardStep Forward(InputOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"inputs.{names.InputMember(node.Id)}");
}
