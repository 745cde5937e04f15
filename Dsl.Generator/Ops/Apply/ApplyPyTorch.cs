using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// Calls the used model; the result is its outputs by name. A frozen one stays in eval mode (the class' <c>train</c>);
/// as in the TorchSharp module, gradients pass through it when trainable layers feed it, and otherwise it runs through
/// <c>run_frozen</c>: no autograd unless its inputs carry gradients.
/// </summary>
internal sealed class ApplyPyTorch : PyTorchEmitter<ApplyOp>
{
    protected override ForwardStep Forward(ApplyOp apply, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        var use = model.Uses[apply.Use].Use;
        string inputs = string.Join(", ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i)));
        if (!use.Frozen)
        {
            return new ForwardStep($"{names.Use(apply.Use)}({inputs})");
        }

        return Dsl.Generator.Shapes.GraphWalk.FedByTrainable(model, node)
            ? new ForwardStep($"{names.Use(apply.Use)}({inputs})", $"'{use.Name}' is frozen (eval mode, weights fixed) but trainable layers feed it: gradients pass through.")
            : new ForwardStep($"run_frozen({names.Use(apply.Use)}, {inputs})", $"'{use.Name}' is frozen: eval mode, no autograd unless its inputs carry gradients.");
    }
}
