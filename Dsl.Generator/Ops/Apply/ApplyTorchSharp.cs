using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// The used model's <c>forward</c>; a frozen one through <c>Frozen.Run</c> (eval mode). Autograd stays on inside it
/// when a trainable part of this model feeds it (decided here, at compile time: a generator trained through a frozen
/// critic); otherwise it is off unless the inputs themselves carry gradients (this model used inside a trained one).
/// </summary>
internal sealed class ApplyTorchSharp : TorchSharpEmitter<ApplyOp>
{
    protected override ForwardStep Forward(ApplyOp apply, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        var use = model.Uses[apply.Use];
        string type = "global::" + use.Use.Model;
        string inputs = $"new {type}.Inputs({string.Join(", ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i)))})";
        string field = "this." + names.UseField(apply.Use);
        if (!use.Use.Frozen)
        {
            return new ForwardStep($"{field}.forward({inputs})");
        }

        return GraphWalk.FedByTrainable(model, node)
            ? new ForwardStep($"global::Dsl.Modules.Frozen.RunDifferentiable({field}, {inputs})", $"'{use.Use.Name}' is frozen (eval mode, weights fixed) but trainable layers feed it: gradients pass through.")
            : new ForwardStep(
                $"global::Dsl.Modules.Frozen.Run({field}, {inputs}, {string.Join(" || ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i) + ".requires_grad"))})",
                $"'{use.Use.Name}' is frozen: eval mode, no autograd unless its inputs carry gradients.");
    }
}
