using System.Runtime.CompilerServices;
using Dsl.Checks;

namespace Examples.Tests;

/// <summary>The examples' Program.Main limits oneDNN to its exact kernels before any tensor exists; so do the tests.</summary>
internal static class ExactKernels
{
    [ModuleInitializer]
    internal static void UseExactKernels() => OneDnnKernels.UseExactKernels();
}
