using System;
using Dsl.Checks;
using Examples.Cli;
using Spectre.Console;

namespace Examples;

/// <summary><c>dotnet run --project Examples -- &lt;command&gt;</c>; see <see cref="ExampleApp"/>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Before any tensor exists: oneDNN's AVX2/AVX-512 convolution gradients are wrong (sometimes NaN) on some
        // CPUs. The fast kernels where a cached self-check on this CPU passes, the exact AVX ones where it fails;
        // DSL_ONEDNN_KERNELS=fast|exact|auto or a DNNL_MAX_CPU_ISA the user set overrides.
        OneDnnKernels.ChooseForThisHost();
        // Idle OpenMP threads sleep instead of spinning: on cores shared with other work, spinning made steps 2-6x slower.
        ThreadWaitPolicy.UsePassiveWaiting();
        return new ExampleApp(AnsiConsole.Console, Console.Error).Run(args);
    }
}
