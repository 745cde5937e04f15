using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Dsl.Checks;
using TorchSharp;

namespace Dsl.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
public sealed record MachineFacts(string Cpu, int LogicalCores, int TorchThreads, string Os, string Runtime, string TorchSharp, string OneDnnIsa)
{
    public static MachineFacts Collect(KernelDecision kernels)
    {
        string isa = $"{kernels} (OneDnnKernels.ChooseForThisHost(); DNNL_MAX_CPU_ISA {Environment.GetEnvironmentVariable(ConvolutionSelfCheck.IsaVariable) ?? "unset"})";
        return new MachineFacts(
            CpuModel(),
            Environment.ProcessorCount,
            torch.get_num_threads(),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
            isa);
    }

    public IEnumerable<(string Name, string Value)> Rows()
    {
        yield return ("CPU", Cpu);
        yield return ("logical cores", $"{LogicalCores} (torch intra-op threads of section 4: {TorchThreads}, set by --threads, default 1; sections 1 and 3 set their own)");
        yield return ("OS", Os);
        yield return (".NET", Runtime);
        yield return ("TorchSharp", TorchSharp);
        yield return ("oneDNN ISA", OneDnnIsa);
        yield return ("OpenMP waiting", $"OMP_WAIT_POLICY={Environment.GetEnvironmentVariable(ThreadWaitPolicy.Variable) ?? "unset"} (ThreadWaitPolicy.UsePassiveWaiting(), inherited by every worker)");
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
