using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The constant, made in <c>forward</c> on the device of the model's first input.</summary>
internal sealed class ConstantPyTorch : PyTorchEmitter<ConstantOp>
{
    protected override ForwardStep Forward(ConstantOp op, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string device = model.Spec.Nodes.FirstOrDefault(n => n.Op is InputOp) is { } input ? $", device={names.Local(input.Id)}.device" : "";
        string shape = string.Join(", ", op.Shape.Select(Int));
        return new(op.Fill switch
        {
            ConstantFill.Zeros => $"torch.zeros({shape}{device})",
            ConstantFill.Ones => $"torch.ones({shape}{device})",
            ConstantFill.Full => $"torch.full(({shape}), {Float(op.Value)}{device})",
            _ => $"torch.eye({Int(op.Dims[0])}{device}).unsqueeze(0)",
        });
    }
}
