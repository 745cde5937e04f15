using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;
using Names = Dsl.Generator.Emit.Names;

namespace Dsl.Generator.Ops;

/// <summary>The functional form of each activation.</summary>
internal sealed class ActivationTorchSharp : TorchSharpEmitter<ActivationOp>
{
    protected override ForwardStep Forward(ActivationOp activation, NodeSpec node, AnalyzedModel model, MemberNames names)
    {
        string x = names.Local(node.Inputs[0]);
        return new ForwardStep(activation.Activation switch
        {
            ActivationKind.Relu => $"{F}relu({x})",
            ActivationKind.LeakyRelu => $"{F}leaky_relu({x}, {Names.DoubleLiteral(activation.NegativeSlope)})",
            ActivationKind.Sigmoid => $"{F}sigmoid({x})",
            ActivationKind.Tanh => $"{F}tanh({x})",
            _ => throw new System.InvalidOperationException($"Unknown activation {activation.Activation}."),
        });
    }
}
