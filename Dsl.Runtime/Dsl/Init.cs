namespace Dsl;

/// <summary>
/// How a layer's weights start: the kernels (weights of two or more dimensions: Linear, convolution, recurrent and
/// embedding matrices) drawn from the named distribution, the biases zero. Set per layer with <c>init:</c> or for the
/// whole model with <see cref="Graph.DefaultInit"/>; normalization layers always start at scale 1, shift 0.
/// </summary>
public enum Init
{
    /// <summary>The model's default (<see cref="Graph.DefaultInit"/>; PyTorch's own initialization unless set).</summary>
    Default,

    /// <summary>PyTorch's initialization of the layer (Kaiming-uniform kernels with a = √5, uniform biases).</summary>
    PyTorch,

    /// <summary>Glorot (Xavier) uniform kernels, zero biases: Keras' default (<c>glorot_uniform</c>, <c>zeros</c>).</summary>
    GlorotUniform,

    /// <summary>Glorot (Xavier) normal kernels (PyTorch's <c>xavier_normal_</c>, not truncated), zero biases.</summary>
    GlorotNormal,

    /// <summary>He (Kaiming) uniform kernels for ReLU networks (bound √(6 / fan_in), Keras' <c>he_uniform</c>), zero biases.</summary>
    HeUniform,

    /// <summary>He (Kaiming) normal kernels for ReLU networks (std √(2 / fan_in), not truncated), zero biases.</summary>
    HeNormal,
}
