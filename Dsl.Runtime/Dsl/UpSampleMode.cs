namespace Dsl;

/// <summary>How <see cref="Node.UpSample2d"/> fills the new positions.</summary>
public enum UpSampleMode
{
    /// <summary>Each output copies the nearest input (Keras' UpSampling2D default).</summary>
    Nearest,

    /// <summary>Bilinear interpolation with corners not aligned (PyTorch's align_corners=False, Keras' "bilinear").</summary>
    Bilinear,
}
