using System;
using Dsl.Checks;

#pragma warning disable CA1050 // The runtime finds a startup hook only as the type StartupHook in no namespace.

/// <summary>
/// The child side of <see cref="KernelCheckProcess"/>: the .NET runtime calls <see cref="Initialize"/> before the
/// program's <c>Main</c> when this library is named in <c>DOTNET_STARTUP_HOOKS</c>. With
/// <c>DSL_ONEDNN_CHECK_CHILD=1</c> it runs <see cref="ConvolutionSelfCheck"/> at oneDNN's default kernels, prints
/// one verdict line and exits, so <c>Main</c> never runs; otherwise it does nothing.
/// </summary>
internal static class StartupHook
{
    /// <summary>Called by the runtime.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(KernelCheckProcess.ChildVariable) != "1")
        {
            return;
        }

        Environment.Exit(KernelCheckChild.Run(Console.Out));
    }
}

namespace Dsl.Checks
{
    /// <summary>Runs the self-check in the child process and writes its verdict line.</summary>
    internal static class KernelCheckChild
    {
        /// <summary>
        /// Repeats the check: wrong kernels were seen to differ from run to run, so a single lucky agreement is not
        /// enough. The first failure decides.
        /// </summary>
        public const int Runs = 3;

        public static int Run(System.IO.TextWriter output)
        {
            try
            {
                for (int i = 0; i < Runs; i++)
                {
                    if (ConvolutionSelfCheck.Run() is { } failure)
                    {
                        output.WriteLine($"{KernelCheckProcess.VerdictPrefix}fail {failure}");
                        return 0;
                    }
                }

                output.WriteLine($"{KernelCheckProcess.VerdictPrefix}pass float32 convolution gradients agree with float64 at oneDNN's default kernels ({Runs} runs).");
                return 0;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"the self-check failed to run: {e.GetType().Name}: {e.Message}");
                return 3;
            }
        }
    }
}
