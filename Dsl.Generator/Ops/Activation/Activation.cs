using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;
using Dsl.Generator.Shapes.Rules;

namespace Dsl.Generator.Ops;

/// <summary>The catalogue entry of Relu, LeakyRelu, Sigmoid, Tanh: the parts of the op, found in this folder.</summary>
internal sealed class ActivationDescriptor : OpDescriptor<ActivationOp>
{
    public override string Name => "Relu, LeakyRelu, Sigmoid, Tanh";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Relu", ActivationArguments.Relu),
        SurfaceEntry.Node("Sigmoid", ActivationArguments.Sigmoid),
        SurfaceEntry.Node("Tanh", ActivationArguments.Tanh),
        SurfaceEntry.Node("LeakyRelu", ActivationArguments.LeakyRelu),
    };

    public override IShapeRule Shape { get; } = new ActivationRule();

    public override string Parameters => "0";

    public override ITorchSharpEmitter TorchSharp { get; } = new ActivationTorchSharp();

    // PyTorch and ONNX emitters: slots (null) until the issue that adds them.
    public override IReadOnlyList<Op> Examples { get; } = new Op[]
    {
        new ActivationOp(ActivationKind.Relu),
        new ActivationOp(ActivationKind.LeakyRelu, 0.2),
        new ActivationOp(ActivationKind.Sigmoid),
        new ActivationOp(ActivationKind.Tanh),
    };

    public override OpDoc Doc { get; } = new(
        "x.Relu(), x.LeakyRelu(negativeSlope: 0.01), x.Sigmoid(), x.Tanh()",
        "Element-wise: same type.",
        "`nn.ReLU()`, `nn.LeakyReLU(negativeSlope)`, `nn.Sigmoid()`, `nn.Tanh()`",
        "`layers.ReLU()`, `layers.LeakyReLU(negativeSlope)`, `layers.Activation('sigmoid' / 'tanh')`");
}
