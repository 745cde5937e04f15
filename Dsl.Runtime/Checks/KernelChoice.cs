namespace Dsl.Checks;

/// <summary>Which oneDNN kernels libtorch uses for this process.</summary>
public enum KernelChoice
{
    /// <summary>oneDNN's default kernels for the CPU (AVX2, AVX-512, AMX where present): the fastest.</summary>
    Fast,

    /// <summary>oneDNN limited to its AVX kernels (<c>DNNL_MAX_CPU_ISA=AVX</c>): exact on every host seen, 1.4-1.8x slower.</summary>
    Exact,
}
