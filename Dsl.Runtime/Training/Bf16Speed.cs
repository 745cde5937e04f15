using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dsl.Checks;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// One measurement of whether bfloat16 pays on this host: the time of the work bf16-mixed moves to bfloat16 (a 3x3
/// convolution and a linear layer, forward and both backward products) in float32 and in bfloat16, the best of a few
/// interleaved rounds each, at one thread count.
/// </summary>
/// <param name="Float32Milliseconds">The float32 time of one probe pass.</param>
/// <param name="Bf16Milliseconds">The bfloat16 time of the same pass.</param>
/// <param name="Threads">The intra-op thread count it ran at.</param>
public sealed record Bf16SpeedMeasurement(double Float32Milliseconds, double Bf16Milliseconds, int Threads)
{
    /// <summary>How many times faster bfloat16 ran (below 1: slower).</summary>
    public double Speedup => Float32Milliseconds / Bf16Milliseconds;

    /// <summary>The measurement in words, for the line <see cref="Precision.Auto"/> writes.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"bfloat16 {Bf16Milliseconds:F1} ms against float32 {Float32Milliseconds:F1} ms for a convolution and a linear layer, forward and backward, at {Threads} thread(s): {Speedup:F2}x");
}

/// <summary>
/// The per-host decision behind <see cref="Precision.Auto"/>: whether this CPU's bfloat16 kernels are faster than its
/// float32 ones. Native bfloat16 instructions are not enough to know: on a 2-core Intel Xeon with <c>avx512_bf16</c>
/// (no AMX), oneDNN's bfloat16 convolution took 1.6x its float32 time, while an AMD EPYC with the same flag trained
/// 1.7x faster in bfloat16. So it is measured, once per CPU model, libtorch build and thread count, and kept next to
/// the kernel self-check's verdicts (<see cref="KernelVerdictCache.ForUser"/>); the probe costs about half a second.
/// </summary>
public static partial class Bf16Speed
{
    /// <summary>The revision of the probe; bump it when <see cref="Measure"/> changes, so cached measurements are redone.</summary>
    public const int ProbeRevision = 1;

    /// <summary>The speedup from which <see cref="Precision.Auto"/> trains in bf16-mixed: below it, the casts and float32 parts would eat the gain.</summary>
    public const double Threshold = 1.15;

    /// <summary>The environment variable that skips the probe: <c>bf16</c> or <c>fp32</c> decides <see cref="Precision.Auto"/> directly.</summary>
    public const string OverrideVariable = "DSL_PRECISION_AUTO";

    /// <summary>Whether <paramref name="measurement"/> says bf16-mixed pays (at least <see cref="Threshold"/>).</summary>
    public static bool Pays(Bf16SpeedMeasurement measurement) => (measurement ?? throw new ArgumentNullException(nameof(measurement))).Speedup >= Threshold;

    /// <summary>Times the probe now, at the current intra-op thread count.</summary>
    /// <param name="rounds">Interleaved rounds; the fastest of each dtype counts.</param>
    /// <returns>The measurement.</returns>
    public static Bf16SpeedMeasurement Measure(int rounds = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = new Generator(17);
        var image = randn(new long[] { 8, 64, 28, 28 }, generator: generator);
        var kernel = randn(new long[] { 64, 64, 3, 3 }, generator: generator) * 0.05;
        var rows = randn(new long[] { 256, 1024 }, generator: generator);
        var matrix = randn(new long[] { 1024, 1024 }, generator: generator) * 0.03;
        var float32 = (image, kernel, rows, matrix);
        var bf16 = (image.to(ScalarType.BFloat16), kernel.to(ScalarType.BFloat16), rows.to(ScalarType.BFloat16), matrix.to(ScalarType.BFloat16));

        Pass(float32); // untimed: oneDNN builds its primitives on first use
        Pass(bf16);
        double best32 = double.MaxValue, best16 = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            best32 = Math.Min(best32, Time(float32));
            best16 = Math.Min(best16, Time(bf16));
        }

        return new Bf16SpeedMeasurement(best32, best16, get_num_threads());
    }

    /// <summary>
    /// This host's measurement at the current thread count: from the cache when one was taken before for this CPU,
    /// libtorch build and thread count, otherwise measured now and stored (a cache that cannot be read or written is
    /// measured around, never an error).
    /// </summary>
    /// <param name="cache">Where measurements are kept; the user's cache folder when null.</param>
    /// <returns>The measurement, and whether it came from the cache.</returns>
    public static (Bf16SpeedMeasurement Measurement, bool Cached) ForThisHost(KernelVerdictCache? cache = null)
    {
        string path = PathFor(HostKey.Current(), get_num_threads(), cache ?? KernelVerdictCache.ForUser());
        if (Read(path) is { } stored)
        {
            return (stored, true);
        }

        var measured = Measure();
        Write(path, measured);
        return (measured, false);
    }

    /// <summary>The cache file for <paramref name="key"/> at <paramref name="threads"/> threads.</summary>
    internal static string PathFor(HostKey key, int threads, KernelVerdictCache cache) =>
        Path.Combine(cache.Directory, string.Create(CultureInfo.InvariantCulture, $"bf16-speed-{(key with { Check = ProbeRevision }).Digest}-t{threads}.json"));

    /// <summary>A stored measurement, or null when the file is missing, unreadable or holds no plausible times.</summary>
    internal static Bf16SpeedMeasurement? Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllText(path), MeasurementJson.Default.Bf16SpeedMeasurement);
            return stored is { Float32Milliseconds: > 0 and < 1e7, Bf16Milliseconds: > 0 and < 1e7, Threads: > 0 } ? stored : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="measurement"/> atomically; a failure to write is ignored (the next run measures again).</summary>
    internal static void Write(string path, Bf16SpeedMeasurement measurement)
    {
        try
        {
            Dsl.Weights.AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, measurement, MeasurementJson.Default.Bf16SpeedMeasurement));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache saves half a second; a folder that cannot be written only means measuring again next time.
        }
    }

    private static double Time((Tensor Image, Tensor Kernel, Tensor Rows, Tensor Matrix) operands)
    {
        var clock = Stopwatch.StartNew();
        Pass(operands);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>A convolution and a linear layer with the products their backward passes compute (input and weight gradients).</summary>
    private static void Pass((Tensor Image, Tensor Kernel, Tensor Rows, Tensor Matrix) o)
    {
        using var scope = NewDisposeScope();
        var output = nn.functional.conv2d(o.Image, o.Kernel, padding: new long[] { 1, 1 });
        nn.functional.conv_transpose2d(output, o.Kernel, padding: new long[] { 1, 1 }); // the input gradient's convolution
        nn.functional.conv2d(o.Image.transpose(0, 1), output.transpose(0, 1), padding: new long[] { 1, 1 }); // the weight gradient's
        var hidden = o.Rows.matmul(o.Matrix);
        hidden.matmul(o.Matrix.t());
        o.Rows.t().matmul(hidden);
    }

    /// <summary>Source-generated JSON, as the kernel cache's: no reflection serializer to JIT on the first training step.</summary>
    [JsonSerializable(typeof(Bf16SpeedMeasurement))]
    [JsonSourceGenerationOptions(WriteIndented = true)]
    private sealed partial class MeasurementJson : JsonSerializerContext
    {
    }
}
