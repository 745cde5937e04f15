using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Dsl.Benchmarks;

/// <summary>
/// The machine's float32 peak: cores x clock x float32 lanes per vector x FMA units per core x 2 FLOPs per FMA.
/// The vector width comes from the CPU flags (avx512f: 512 bits, avx2 / avx: 256, else 128), the clock from
/// <c>lscpu</c>'s maximum MHz (else <c>/proc/cpuinfo</c>'s current MHz), the cores from <c>lscpu</c>. Neither file
/// says how many FMA units a core has; <see cref="FmaUnits"/> is 2 (server cores with AVX-512 or AVX2 since
/// Haswell / Zen 2 issue two vector FMAs per cycle) unless given with <c>--fma-units</c>.
/// </summary>
public sealed record PeakFlops(int Cores, double ClockGhz, string ClockSource, int VectorBits, int FmaUnits)
{
    public int Float32Lanes => VectorBits / 32;

    /// <summary>FLOP/s of one core.</summary>
    public double PerCore => ClockGhz * 1e9 * Float32Lanes * FmaUnits * 2;

    /// <summary>FLOP/s available to <paramref name="threads"/> threads (at most all cores).</summary>
    public double For(int threads) => PerCore * Math.Min(threads, Cores);

    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"{ClockGhz:F3} GHz ({ClockSource}) x {Float32Lanes} float32 lanes ({VectorBits}-bit vectors) x {FmaUnits} FMA units x 2 FLOPs per FMA = " +
        $"{PerCore / 1e9:F1} GFLOP/s per core; {Cores} cores: {For(Cores) / 1e9:F1} GFLOP/s");

    public static PeakFlops Collect(int fmaUnits)
    {
        string cpuinfo = File.ReadAllText("/proc/cpuinfo");
        string lscpu = RunLscpu();
        string flags = Field(cpuinfo, "flags") ?? "";
        var set = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        int bits = set.Contains("avx512f") ? 512 : set.Contains("avx2") || set.Contains("avx") ? 256 : 128;
        int cores = int.TryParse(Field(lscpu, "Core(s) per socket"), out int perSocket) && int.TryParse(Field(lscpu, "Socket(s)"), out int sockets)
            ? perSocket * sockets
            : Environment.ProcessorCount;
        (double mhz, string source) = double.TryParse(Field(lscpu, "CPU max MHz"), NumberStyles.Float, CultureInfo.InvariantCulture, out double max)
            ? (max, "lscpu CPU max MHz")
            : (double.Parse(Field(cpuinfo, "cpu MHz") ?? "0", CultureInfo.InvariantCulture), "/proc/cpuinfo cpu MHz; no maximum is exposed");
        return new PeakFlops(cores, mhz / 1000, source, bits, fmaUnits);
    }

    private static string? Field(string text, string name) => text.Split('\n')
        .Select(line => line.Split(':', 2))
        .Where(p => p.Length == 2 && p[0].Trim() == name)
        .Select(p => p[1].Trim())
        .FirstOrDefault();

    private static string RunLscpu()
    {
        try
        {
            using var lscpu = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true, UseShellExecute = false, Environment = { ["LC_ALL"] = "C" } });
            string output = lscpu?.StandardOutput.ReadToEnd() ?? "";
            lscpu?.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
