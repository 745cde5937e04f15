using System;
using System.Runtime.InteropServices;

namespace Dsl.Checks;

/// <summary>
/// Sets a variable in the C environment native libraries read (oneDNN's <c>DNNL_MAX_CPU_ISA</c>, libgomp's
/// <c>OMP_WAIT_POLICY</c>); <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's copy.
/// Both libraries read their variable once, when first used, so this matters only before any tensor exists.
/// </summary>
internal static class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless it is set; true when this call set it (Linux only).</summary>
    public static bool SetUnlessSet(string name, string value)
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            return false;
        }

        if (NativeMethods.setenv(name, value, 0) != 0)
        {
            return false;
        }

        Environment.SetEnvironmentVariable(name, value);
        return true;
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int setenv(string name, string value, int overwrite);
    }
}
