using System;
using System.Runtime.InteropServices;

namespace Dsl.Checks;

/// <summary>
/// Chooses which oneDNN kernels libtorch uses on the CPU. On some hosts oneDNN's AVX2 / AVX-512 convolution
/// kernels return wrong gradients (see <see cref="ConvolutionSelfCheck"/>); its AVX kernels are exact. oneDNN reads
/// <c>DNNL_MAX_CPU_ISA</c> from the process environment once, on first use, so call this at startup, before any
/// tensor operation. A value the user set is never overridden.
/// </summary>
public static class OneDnnKernels
{
    /// <summary>Limits oneDNN to AVX kernels for this process unless <c>DNNL_MAX_CPU_ISA</c> is set already.</summary>
    /// <returns>True when this call set the limit.</returns>
    public static bool UseExactKernels()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable) is not null)
        {
            return false;
        }

        // Environment.SetEnvironmentVariable changes only .NET's copy; native code reads the C environment.
        if (NativeMethods.setenv(ConvolutionSelfCheck.IsaVariable, "AVX", 0) != 0)
        {
            return false;
        }

        Environment.SetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable, "AVX");
        return true;
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int setenv(string name, string value, int overwrite);
    }
}
