using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.Lowering.NodeLowering;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// A <c>GroupNorm</c> (built by Dsl.Modules.Norms, which gives it PyTorch's initial scale and shift) or an
/// <c>InstanceNorm2d</c> module (without running statistics, as PyTorch's default).
/// </summary>
internal sealed class GroupNormTorchSharp : TorchSharpEmitter<GroupNormOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules." + op.Kind;

    protected override string Construction(GroupNormOp norm, NodeSpec node, AnalyzedModel model)
    {
        long channels = KnownDim(model, node, 0);
        string options = $"eps: {Names.DoubleLiteral(norm.Eps)}, affine: {Names.BoolLiteral(norm.Affine)})";
        return norm.Instance
            ? $"{Nn}InstanceNorm2d({Lit(channels)}, {options}"
            : $"global::Dsl.Modules.Norms.GroupNorm({Lit(norm.Groups)}, {Lit(channels)}, {options}";
    }

    protected override ForwardStep Forward(GroupNormOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}.forward({names.Local(node.Inputs[0])})");
}
