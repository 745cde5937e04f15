using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

internal enum ActivationKind
{
    Relu,
    LeakyRelu,
    Sigmoid,
    Tanh,
    Gelu,
    Silu,
    Elu,
    Selu,
    Softplus,
    Hardswish,
    Relu6,
    Mish,
    Exp,
    Log,
    Sqrt,
    Abs,
    Pow,
}

/// <summary>
/// An element-wise function of one node: an activation, or exp / log / sqrt / abs / pow. <see cref="Argument"/> is
/// the one number some of them take (LeakyRelu's negative slope, Elu's alpha, Softplus' beta, Pow's exponent), 0
/// for the others.
/// </summary>
internal sealed record ActivationOp(ActivationKind Activation, double Argument = 0) : Op
{
    public override string Kind => Activation.ToString();

    public override string NamePrefix => Activation switch
    {
        ActivationKind.LeakyRelu => "leaky_relu",
        _ => Kind.ToLowerInvariant(),
    };

    /// <summary>The name of <see cref="Argument"/> in the DSL call, or null for a function without one.</summary>
    public string? ArgumentName => Activation switch
    {
        ActivationKind.LeakyRelu => "negativeSlope",
        ActivationKind.Elu => "alpha",
        ActivationKind.Softplus => "beta",
        ActivationKind.Pow => "exponent",
        _ => null,
    };
}
