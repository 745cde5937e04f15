namespace Dsl.Generator.Ops;

/// <summary>
/// What an op says about the range of its output values, for the losses that need probabilities
/// (<see cref="Shapes.Losses.ValueRanges"/>): each op's descriptor answers it in <see cref="OpDescriptor.Values"/>.
/// </summary>
internal enum ValueFlow
{
    /// <summary>Not known: an input, dropout (which scales by 1 / (1 - p) while training), a submodel's output. The default.</summary>
    Unknown,

    /// <summary>Not bounded to [0, 1]: a dense or convolution layer, a normalization, a sum, any other function.</summary>
    Unbounded,

    /// <summary>Within [0, 1] whatever the input: a Sigmoid or a Softmax.</summary>
    Probability,

    /// <summary>Within the range of its first input, decided there: a shape-only op (Flatten, Reshape, Flip), pooling, upsampling, zero padding.</summary>
    FromInput,

    /// <summary>Within [0, 1] where its first input is (1 - p, p scaled by a factor in [0, 1]); otherwise what that input's range is.</summary>
    KeepsProbability,
}
