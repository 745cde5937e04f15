namespace Dsl.Checks;

/// <summary>What the convolution self-check at oneDNN's default kernels found.</summary>
public enum KernelCheckOutcome
{
    /// <summary>float32 gradients agree with float64: the fast kernels are exact here.</summary>
    Passed,

    /// <summary>float32 gradients differ from float64 (or are NaN): the fast kernels are wrong here.</summary>
    Failed,

    /// <summary>The check could not run; nothing is known about this host.</summary>
    Unavailable,
}
