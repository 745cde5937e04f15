using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;
using Names = Dsl.Generator.Emit.Names;

namespace Dsl.Generator.Ops;

/// <summary>The functional form of each function (torch.nn.functional's, or the tensor's own for the math ones).</summary>
internal sealed class ActivationTorchSharp : TorchSharpEmitter<ActivationOp>
{
    protected override ForwardStep Forward(ActivationOp activation, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new ForwardStep(activation.Activation switch
        {
            ActivationKind.Relu => $"{F}relu({x})",
            ActivationKind.LeakyRelu => $"{F}leaky_relu({x}, {Names.DoubleLiteral(activation.Argument)})",
            ActivationKind.Sigmoid => $"{F}sigmoid({x})",
            ActivationKind.Tanh => $"{F}tanh({x})",
            ActivationKind.Gelu => $"{F}gelu({x})",
            ActivationKind.Silu => $"{F}silu({x})",
            ActivationKind.Elu => $"{F}elu({x}, {Names.DoubleLiteral(activation.Argument)})",
            ActivationKind.Selu => $"{F}selu({x})",
            ActivationKind.Softplus => $"{F}softplus({x}, {Names.DoubleLiteral(activation.Argument)})",
            ActivationKind.Hardswish => $"{F}hardswish({x})",
            ActivationKind.Relu6 => $"{F}relu6({x})",
            ActivationKind.Mish => $"{F}mish({x})",
            ActivationKind.Exp => $"{x}.exp()",
            ActivationKind.Log => $"{x}.log()",
            ActivationKind.Sqrt => $"{x}.sqrt()",
            ActivationKind.Abs => $"{x}.abs()",
            ActivationKind.Pow => $"{x}.pow({Names.DoubleLiteral(activation.Argument)})",
            _ => throw new System.InvalidOperationException($"Unknown activation {activation.Activation}."),
        });
    }
}
