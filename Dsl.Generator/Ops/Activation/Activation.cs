using System.Linq;
using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Emit.Onnx;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// The catalogue entry of the element-wise functions of one node: the activations (Relu, LeakyRelu, Sigmoid, Tanh,
/// Gelu, Silu, Elu, Selu, Softplus, Hardswish, Relu6, Mish) and Exp, Log, Sqrt, Abs, Pow.
/// </summary>
internal sealed class ActivationDescriptor : OpDescriptor<ActivationOp>
{
    public override string Name => "Element-wise functions: activations, Exp, Log, Sqrt, Abs, Pow";

    public override IReadOnlyList<SurfaceEntry> Surface { get; } = new[]
    {
        SurfaceEntry.Node("Relu", ActivationArguments.Plain(ActivationKind.Relu)),
        SurfaceEntry.Node("Sigmoid", ActivationArguments.Plain(ActivationKind.Sigmoid)),
        SurfaceEntry.Node("Tanh", ActivationArguments.Plain(ActivationKind.Tanh)),
        SurfaceEntry.Node("LeakyRelu", ActivationArguments.WithArgument(ActivationKind.LeakyRelu)),
        SurfaceEntry.Node("Gelu", ActivationArguments.Plain(ActivationKind.Gelu)),
        SurfaceEntry.Node("Silu", ActivationArguments.Plain(ActivationKind.Silu)),
        SurfaceEntry.Node("Elu", ActivationArguments.WithArgument(ActivationKind.Elu)),
        SurfaceEntry.Node("Selu", ActivationArguments.Plain(ActivationKind.Selu)),
        SurfaceEntry.Node("Softplus", ActivationArguments.WithArgument(ActivationKind.Softplus)),
        SurfaceEntry.Node("Hardswish", ActivationArguments.Plain(ActivationKind.Hardswish)),
        SurfaceEntry.Node("Relu6", ActivationArguments.Plain(ActivationKind.Relu6)),
        SurfaceEntry.Node("Mish", ActivationArguments.Plain(ActivationKind.Mish)),
        SurfaceEntry.Node("Exp", ActivationArguments.Plain(ActivationKind.Exp)),
        SurfaceEntry.Node("Log", ActivationArguments.Plain(ActivationKind.Log)),
        SurfaceEntry.Node("Sqrt", ActivationArguments.Plain(ActivationKind.Sqrt)),
        SurfaceEntry.Node("Abs", ActivationArguments.Plain(ActivationKind.Abs)),
        SurfaceEntry.Node("Pow", ActivationArguments.WithArgument(ActivationKind.Pow)),
    };

    public override IShapeRule Shape { get; } = new ActivationRule();

    public override ITorchSharpEmitter TorchSharp { get; } = new ActivationTorchSharp();

    public override IPyTorchEmitter PyTorch { get; } = new ActivationPyTorch();

    public override IOnnxEmitter Onnx { get; } = new ActivationOnnx();

    public override IReadOnlyList<Op> Examples { get; } = System.Enum.GetValues(typeof(ActivationKind))
        .Cast<ActivationKind>()
        .Select(kind => new ActivationOp(kind, kind switch { ActivationKind.LeakyRelu => 0.2, ActivationKind.Elu => 1.0, ActivationKind.Softplus => 1.0, ActivationKind.Pow => 2.0, _ => 0 }))
        .ToArray();

    protected override ValueFlow ValuesOf(ActivationOp op) => op.Activation == ActivationKind.Sigmoid ? ValueFlow.Probability : ValueFlow.Unbounded;

    protected override FeatureLayout LayoutOf(ActivationOp op) => FeatureLayout.KeptFromInput;

    protected override bool SquashesLogitsOf(ActivationOp op) => op.Activation == ActivationKind.Sigmoid;

    public override OpDoc Doc { get; } = new(
        "x.Relu(), x.LeakyRelu(negativeSlope: 0.01), x.Sigmoid(), x.Tanh(), x.Gelu(), x.Silu(), x.Elu(alpha: 1), x.Selu(), x.Softplus(beta: 1), x.Hardswish(), x.Relu6(), x.Mish(), x.Exp(), x.Log(), x.Sqrt(), x.Abs(), x.Pow(exponent)",
        "Element-wise: same type. The number argument (negativeSlope, alpha, beta, exponent) must be finite, and beta non-zero.",
        "`nn.ReLU()`, `nn.LeakyReLU(negativeSlope)`, `nn.Sigmoid()`, `nn.Tanh()`, `nn.GELU()`, `nn.SiLU()`, `nn.ELU(alpha)`, `nn.SELU()`, `nn.Softplus(beta)`, `nn.Hardswish()`, `nn.ReLU6()`, `nn.Mish()`, `torch.exp`, `torch.log`, `torch.sqrt`, `torch.abs`, `torch.pow`",
        "`layers.ReLU()`, `layers.LeakyReLU(negativeSlope)`, `layers.Activation('sigmoid' / 'tanh' / 'gelu' / 'swish' / 'elu' / 'selu' / 'softplus' / 'hard_swish' / 'relu6' / 'mish')`, `ops.exp` / `ops.log` / `ops.sqrt` / `ops.abs` / `ops.power`");
}
