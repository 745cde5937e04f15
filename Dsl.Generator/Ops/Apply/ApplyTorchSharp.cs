using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>The used model's <c>forward</c> (through <c>Frozen.Run</c> when frozen).</summary>
internal sealed class ApplyTorchSharp : TorchSharpEmitter<ApplyOp>
{
    protected override ForwardStep Forward(ApplyOp apply, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        var use = model.Uses[apply.Use];
        string type = "global::" + use.Use.Model;
        string inputs = $"new {type}.Inputs({string.Join(", ", System.Linq.Enumerable.Select(node.Inputs, i => names.Local(i)))})";
        string field = "this." + names.UseField(apply.Use);
        return use.Use.Frozen
            ? new ForwardStep($"global::Dsl.Modules.Frozen.Run({field}, {inputs})", $"'{use.Use.Name}' is frozen: eval mode, no autograd.")
            : new ForwardStep($"{field}.forward({inputs})");
    }
}
