using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>Calls the used model (through <c>run_frozen</c> when frozen: eval mode, no autograd); the result is its outputs by name.</summary>
internal sealed class ApplyPyTorch : PyTorchEmitter<ApplyOp>
{
    protected override ForwardStep Forward(ApplyOp apply, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var use = model.Uses[apply.Use].Use;
        string inputs = string.Join(", ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i)));
        return use.Frozen
            ? new ForwardStep($"run_frozen({names.Use(apply.Use)}, {inputs})", $"'{use.Name}' is frozen: eval mode, no autograd.")
            : new ForwardStep($"{names.Use(apply.Use)}({inputs})");
    }
}
