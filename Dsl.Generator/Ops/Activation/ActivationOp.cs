namespace Dsl.Generator.Model.Ops;

internal enum ActivationKind
{
    Relu,
    LeakyRelu,
    Sigmoid,
    Tanh,
}

/// <summary>An element-wise activation; <see cref="NegativeSlope"/> is used by LeakyRelu only.</summary>
internal sealed record ActivationOp(ActivationKind Activation, double NegativeSlope = 0) : Op
{
    public override string Kind => Activation.ToString();

    public override string NamePrefix => Activation == ActivationKind.LeakyRelu ? "leaky_relu" : Kind.ToLowerInvariant();
}
