using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>
/// The functional form of each function (torch.nn.functional's, or the tensor's own for the math ones). A ReLU whose
/// input is a fresh tensor (<see cref="Op.WritesFreshOutput"/>) that nothing else reads overwrites it (<c>relu_</c>):
/// the same numbers and gradients, one allocation and pass less (3 % of a seed 000 training step, docs/benchmarks.md
/// section 5). The PyTorch and ONNX emitters keep the plain form.
/// </summary>
internal sealed class ActivationTorchSharp : TorchSharpEmitter<ActivationOp>
{
    protected override ForwardStep Forward(ActivationOp activation, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new ForwardStep(activation.Activation switch
        {
            ActivationKind.Relu when MayOverwriteInput(node, model) => $"{x}.relu_()",
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

    private static bool MayOverwriteInput(NodeSpec node, AnalyzedModel model) =>
        model.Spec.Nodes[node.Inputs[0]].Op.WritesFreshOutput && Shapes.GraphWalk.IsReadOnlyBy(model.Spec, node.Inputs[0], node.Id);
}
