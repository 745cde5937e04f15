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
        // CPUs; its AVX kernels are exact. A DNNL_MAX_CPU_ISA the user set is kept.
        OneDnnKernels.UseExactKernels();
        return new ExampleApp(AnsiConsole.Console, Console.Error).Run(args);
    }
}
