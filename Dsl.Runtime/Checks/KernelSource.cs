namespace Dsl.Checks;

/// <summary>Why a <see cref="KernelDecision"/> was taken.</summary>
public enum KernelSource
{
    /// <summary><c>DNNL_MAX_CPU_ISA</c> was set before the process started; it is kept as it is.</summary>
    UserIsa,

    /// <summary><c>DSL_ONEDNN_KERNELS=fast|exact</c>, or the program called <see cref="OneDnnKernels.UseFastKernels"/> / <see cref="OneDnnKernels.UseExactKernels"/>.</summary>
    Override,

    /// <summary>The verdict of an earlier self-check on this CPU model with this libtorch, read from the user cache.</summary>
    Cached,

    /// <summary>The self-check ran now, in a child process, at oneDNN's default kernels.</summary>
    Checked,

    /// <summary>The self-check could not run (no child process possible, crashed, timed out); the exact kernels are the safe choice.</summary>
    CheckUnavailable,
}
