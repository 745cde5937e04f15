using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Emit.Lowering;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>An <c>nn.GroupNorm</c> or <c>nn.InstanceNorm2d</c> module (without running statistics, PyTorch's default).</summary>
internal sealed class GroupNormPyTorch : PyTorchEmitter<GroupNormOp>
{
    protected override string Module(GroupNormOp norm, NodeSpec node, AnalyzedModel model)
    {
        long channels = NodeLowering.KnownDim(model, node, 0);
        string options = $"eps={Float(norm.Eps)}, affine={Bool(norm.Affine)})";
        return norm.Instance ? $"nn.InstanceNorm2d({Int(channels)}, {options}" : $"nn.GroupNorm({Int(norm.Groups)}, {Int(channels)}, {options}";
    }

    protected override ForwardStep Forward(GroupNormOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names) =>
        new($"{names.Layer(node.Id)}({names.Local(node.Inputs[0])})");
}
