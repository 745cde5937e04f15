using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.PyTorchCode;

namespace Dsl.Generator.Ops;

/// <summary>The functional form of each function (<c>F.relu</c>), or the tensor's own for the math ones (<c>x.exp()</c>, <c>x.pow(2.0)</c>).</summary>
internal sealed class ActivationPyTorch : PyTorchEmitter<ActivationOp>
{
    protected override ForwardStep Forward(ActivationOp activation, NodeSpec node, AnalyzedModel model, PyTorchNames names)
    {
        string x = names.Local(node.Inputs[0]);
        string a = Float(activation.Argument);
        return new ForwardStep(activation.Activation switch
        {
            ActivationKind.Relu => $"F.relu({x})",
            ActivationKind.LeakyRelu => $"F.leaky_relu({x}, {a})",
            ActivationKind.Sigmoid => $"torch.sigmoid({x})",
            ActivationKind.Tanh => $"torch.tanh({x})",
            ActivationKind.Gelu => $"F.gelu({x})",
            ActivationKind.Silu => $"F.silu({x})",
            ActivationKind.Elu => $"F.elu({x}, {a})",
            ActivationKind.Selu => $"F.selu({x})",
            ActivationKind.Softplus => $"F.softplus({x}, {a})",
            ActivationKind.Hardswish => $"F.hardswish({x})",
            ActivationKind.Relu6 => $"F.relu6({x})",
            ActivationKind.Mish => $"F.mish({x})",
            ActivationKind.Exp => $"{x}.exp()",
            ActivationKind.Log => $"{x}.log()",
            ActivationKind.Sqrt => $"{x}.sqrt()",
            ActivationKind.Abs => $"{x}.abs()",
            ActivationKind.Pow => $"{x}.pow({a})",
            _ => throw new System.InvalidOperationException($"Unknown activation {activation.Activation}."),
        });
    }
}
