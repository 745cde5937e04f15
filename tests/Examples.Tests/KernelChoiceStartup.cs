using System.Runtime.CompilerServices;
using Dsl.Checks;

namespace Examples.Tests;

/// <summary>
/// The examples' Program.Main chooses oneDNN's kernels before any tensor exists; so do the tests: the fast ones where
/// the self-check passes on this host, the exact ones where it fails, so the tests pass on either kind of host.
/// </summary>
internal static class KernelChoiceStartup
{
    [ModuleInitializer]
    internal static void ChooseKernels()
    {
        OneDnnKernels.ChooseForThisHost();
        ThreadWaitPolicy.UsePassiveWaiting();
    }
}
