using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>One output of a submodel's result, by name (the used model returns its outputs as a dict).</summary>
internal sealed class OutputOfPyTorch : PyTorchEmitter<OutputOfOp>
{
    protected override ForwardStep Forward(OutputOfOp output, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var application = (ApplyOp)model.Spec.Nodes[node.Inputs[0]].Op;
        var sub = model.Uses[application.Use].Model!;
        string name = output.Output ?? System.Linq.Enumerable.First(sub.Spec.Outputs, o => !o.ForLoss).Name;
        return new ForwardStep($"{names.Local(node.Inputs[0])}[{Str(name)}]");
    }
}
