using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dsl.Checks;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using Examples.Models;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// <see cref="Precision.Auto"/>: bf16-mixed only where this host's bfloat16 kernels measured faster than its float32 ones,
/// the choice said once with the measurement; the measurement itself (<see cref="Bf16Speed"/>) and its per-host cache.
/// The tests that set <see cref="Bf16Speed.OverrideVariable"/> are in this one class, so xUnit runs them one at a time.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class PrecisionAutoTests
{
    private readonly ITestOutputHelper output;

    public PrecisionAutoTests(ITestOutputHelper output) => this.output = output;

    private static (bool Active, string[] Lines) Enter(bool cpuSupportsBf16, Func<(bool Pays, string Why)>? speed, int times = 1)
    {
        var log = new StringWriter();
        var said = new System.Runtime.CompilerServices.StrongBox<bool>();
        bool active = false;
        for (int i = 0; i < times; i++)
        {
            using (MixedPrecision.EnterWith(Precision.Auto, cpuSupportsBf16, force: false, log, said, speed))
            {
                active = MixedPrecision.IsActive;
            }

            Assert.False(MixedPrecision.IsActive);
        }

        return (active, log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Auto_trains_mixed_where_bfloat16_measured_faster_and_says_so_once()
    {
        var measurement = new Bf16SpeedMeasurement(Float32Milliseconds: 30, Bf16Milliseconds: 15, Threads: 1);
        var (active, lines) = Enter(cpuSupportsBf16: true, () => (Bf16Speed.Pays(measurement), measurement.ToString()), times: 3);

        Assert.True(active);
        string line = Assert.Single(lines);
        Assert.StartsWith("Precision.Auto: training in bf16-mixed: bfloat16 15.0 ms against float32 30.0 ms", line, StringComparison.Ordinal);
        Assert.Contains("2.00x", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_stays_float32_where_bfloat16_measured_slower_or_barely_faster()
    {
        foreach (double bf16 in new[] { 49.0, 28.0 }) // 0.61x (this host's convolution), 1.07x (below the threshold)
        {
            var measurement = new Bf16SpeedMeasurement(30, bf16, 2);
            var (active, lines) = Enter(cpuSupportsBf16: true, () => (Bf16Speed.Pays(measurement), measurement.ToString()));
            Assert.False(active);
            Assert.StartsWith("Precision.Auto: training in float32: ", Assert.Single(lines), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Auto_without_native_bfloat16_stays_float32_without_measuring()
    {
        var (active, lines) = Enter(cpuSupportsBf16: false, () => throw new InvalidOperationException("measured on a CPU without bfloat16"));
        Assert.False(active);
        Assert.Contains("no native bfloat16", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_on_a_gpu_trains_mixed()
    {
        var (active, lines) = Enter(cpuSupportsBf16: true, speed: null);
        Assert.True(active);
        Assert.Empty(lines);
    }

    [Fact]
    public void The_override_variable_decides_without_measuring_and_a_wrong_value_is_refused()
    {
        string? before = Environment.GetEnvironmentVariable(Bf16Speed.OverrideVariable);
        try
        {
            Environment.SetEnvironmentVariable(Bf16Speed.OverrideVariable, "bf16");
            Assert.Equal((true, "DSL_PRECISION_AUTO=bf16"), MixedPrecision.HostSpeed());
            Environment.SetEnvironmentVariable(Bf16Speed.OverrideVariable, " FP32 ");
            Assert.Equal((false, "DSL_PRECISION_AUTO=fp32"), MixedPrecision.HostSpeed());
            Environment.SetEnvironmentVariable(Bf16Speed.OverrideVariable, "fast");
            var error = Assert.Throws<InvalidOperationException>(() => MixedPrecision.HostSpeed());
            Assert.Equal("DSL_PRECISION_AUTO is 'fast': expected bf16, fp32, or unset to let Precision.Auto measure this host.", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Bf16Speed.OverrideVariable, before);
        }
    }

    /// <summary>The probe runs the real kernels in both dtypes: positive times at the thread count it ran at.</summary>
    [Fact]
    public void The_probe_times_both_dtypes_at_the_current_thread_count()
    {
        var measurement = Bf16Speed.Measure(rounds: 1);
        output.WriteLine(measurement.ToString());
        Assert.InRange(measurement.Float32Milliseconds, 1e-3, 60_000);
        Assert.InRange(measurement.Bf16Milliseconds, 1e-3, 60_000);
        Assert.Equal(get_num_threads(), measurement.Threads);
        Assert.Equal(measurement.Float32Milliseconds / measurement.Bf16Milliseconds, measurement.Speedup, 12);
    }

    /// <summary>Measured once per host and thread count: the second call reads the file; a corrupted or implausible file is measured again and rewritten.</summary>
    [Fact]
    public void The_measurement_is_cached_per_host_and_a_bad_cache_file_is_measured_again()
    {
        using var folder = new TempDirectory();
        var cache = new KernelVerdictCache(folder.Path);

        var (first, firstCached) = Bf16Speed.ForThisHost(cache);
        Assert.False(firstCached);
        string file = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Matches(@"bf16-speed-[0-9a-f]{16}-t\d+\.json$", file);

        var (second, secondCached) = Bf16Speed.ForThisHost(cache);
        Assert.True(secondCached);
        Assert.Equal(first, second);

        foreach (string bad in new[] { "{ not json", """{"Float32Milliseconds": -1, "Bf16Milliseconds": 2, "Threads": 1}""", "" })
        {
            File.WriteAllText(file, bad);
            var (again, cached) = Bf16Speed.ForThisHost(cache);
            Assert.False(cached);
            Assert.Equal(again, Bf16Speed.Read(file)); // rewritten
        }
    }

    /// <summary>End to end: <c>Trainer.Fit</c> with <see cref="Precision.Auto"/> trains in the precision the host decision names.</summary>
    [Theory]
    [InlineData("bf16")]
    [InlineData("fp32")]
    public void Fit_with_auto_trains_in_the_precision_the_host_decision_names(string decision)
    {
        string? before = Environment.GetEnvironmentVariable(Bf16Speed.OverrideVariable);
        try
        {
            Environment.SetEnvironmentVariable(Bf16Speed.OverrideVariable, decision);
            var generator = new Generator(3);
            using var train = new TensorDataset(new Dictionary<string, Tensor>
            {
                ["image"] = rand(new long[] { 64, 1, 28, 28 }, generator: generator),
                ["label"] = randint(0, 10, new long[] { 64 }, generator: generator),
            });
            using var model = new DigitClassifier();
            var mixed = new List<bool>();
            var observer = new Observer { AfterBatch = _ => mixed.Add(MixedPrecision.IsActive) };
            Trainer.Fit(model, train, null, new TrainingOptions { Epochs = 1, BatchSize = 32, Seed = 1, Precision = Precision.Auto }, observer);

            bool expected = decision == "bf16" && MixedPrecision.CpuSupportsBf16;
            Assert.Equal(new[] { expected, expected }, mixed);
            Assert.False(MixedPrecision.IsActive);
            Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Bf16Speed.OverrideVariable, before);
        }
    }
}
