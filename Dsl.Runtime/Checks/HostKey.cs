using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;

namespace Dsl.Checks;

/// <summary>
/// What a cached self-check verdict holds for: the CPU (model name, family / model / stepping and a hash of its
/// feature flags, which decide the kernels oneDNN dispatches to), the TorchSharp and libtorch build, and the
/// revision of the check itself. A verdict is reused only for an identical key.
/// </summary>
/// <param name="Cpu">The CPU model, e.g. <c>Intel(R) Xeon(R) Processor (family 6, model 207, stepping 2)</c>.</param>
/// <param name="CpuFlags">A short hash of the CPU feature flags.</param>
/// <param name="Torch">The TorchSharp version and the size of the native libtorch it loads.</param>
/// <param name="Check">The revision of <see cref="ConvolutionSelfCheck"/>; bump it when the check changes.</param>
public sealed record HostKey(string Cpu, string CpuFlags, string Torch, int Check)
{
    /// <summary>The revision of the self-check the verdicts come from.</summary>
    public const int CheckRevision = 1;

    /// <summary>A file-name-safe digest of the whole key.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Cpu}\n{CpuFlags}\n{Torch}\n{Check}")))[..16];

    /// <summary>The key of this host and this process's TorchSharp.</summary>
    public static HostKey Current()
    {
        var (cpu, flags) = ReadCpu();
        return new HostKey(cpu, flags, TorchBuild(), CheckRevision);
    }

    /// <summary>Reads the model and flags from <c>/proc/cpuinfo</c>-formatted text.</summary>
    public static (string Cpu, string Flags) ParseCpuInfo(string cpuinfo)
    {
        ArgumentNullException.ThrowIfNull(cpuinfo);
        string Field(string name) => cpuinfo.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) > 0
                && line[..line.IndexOf(':', StringComparison.Ordinal)].Trim() == name)
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault() ?? "";
        string model = Field("model name");
        string cpu = (model.Length > 0 ? model : RuntimeInformation.ProcessArchitecture.ToString()) +
            $" (family {Field("cpu family")}, model {Field("model")}, stepping {Field("stepping")})";
        string flags = string.Join(' ', Field("flags").Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        return (cpu, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(flags)))[..12]);
    }

    private static (string Cpu, string Flags) ReadCpu()
    {
        try
        {
            return ParseCpuInfo(File.ReadAllText("/proc/cpuinfo"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (RuntimeInformation.ProcessArchitecture.ToString(), "unknown");
        }
    }

    private static string TorchBuild()
    {
        var assembly = typeof(torch).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        string native = new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") }
            .Select(dir => Path.Combine(dir, "libtorch_cpu.so"))
            .Where(File.Exists)
            .Select(path => $", libtorch_cpu.so {new FileInfo(path).Length} bytes")
            .FirstOrDefault() ?? "";
        return $"TorchSharp {version}{native}";
    }
}
