using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A member of the used model's output record.</summary>
internal sealed class OutputOfTorchSharp : TorchSharpEmitter<OutputOfOp>
{
    protected override ForwardStep Forward(OutputOfOp output, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        var application = (ApplyOp)model.Spec.Nodes[node.Inputs[0]].Op;
        var sub = model.Uses[application.Use].Model!;
        int index = OutputOfSelection.IndexIn(sub.Spec, output);
        return new ForwardStep($"{names.Local(node.Inputs[0])}.{new MemberNames(sub.Spec).OutputMember(index)}");
    }
}
