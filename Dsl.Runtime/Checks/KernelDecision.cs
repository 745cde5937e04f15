namespace Dsl.Checks;

/// <summary>The oneDNN kernels chosen for this process, and why.</summary>
/// <param name="Kernels">Fast (oneDNN's default) or exact (limited to AVX).</param>
/// <param name="Source">What decided it.</param>
/// <param name="Detail">What the self-check found, or which setting decided; never empty.</param>
public sealed record KernelDecision(KernelChoice Kernels, KernelSource Source, string Detail)
{
    /// <summary>
    /// The one line worth telling the user on stderr, or null: said when the library itself limits the kernels (the
    /// self-check failed or could not run), since that costs speed the user did not ask to lose.
    /// </summary>
    public string? Notice => Kernels == KernelChoice.Exact && Source is KernelSource.Checked or KernelSource.Cached or KernelSource.CheckUnavailable
        ? $"Dsl: using oneDNN's exact AVX kernels (DNNL_MAX_CPU_ISA=AVX), about 1.5x slower: {Detail} " +
          $"Set {OneDnnKernels.ModeVariable}=fast to use the fast kernels anyway."
        : null;

    /// <summary><c>fast (checked: ...)</c>, for logs and benchmark reports.</summary>
    public override string ToString() =>
        $"{(Kernels == KernelChoice.Fast ? "fast" : "exact (AVX)")} kernels, {Source switch
        {
            KernelSource.UserIsa => "DNNL_MAX_CPU_ISA from the environment",
            KernelSource.Override => "override",
            KernelSource.Cached => "cached self-check verdict",
            KernelSource.Checked => "self-check run now",
            _ => "self-check unavailable",
        }}: {Detail}";
}
