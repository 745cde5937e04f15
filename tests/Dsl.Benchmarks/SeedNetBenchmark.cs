using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Dsl.Benchmarks;

/// <summary>One measured variant of the step benchmark.</summary>
public sealed record StepVariant(string Key, string Label, string Worker, string WorkerVariant);

/// <summary>The per-round times of every variant for one net at one thread count.</summary>
public sealed record SeedNetCell(SeedNet Net, int Threads, IReadOnlyDictionary<string, Samples> Times)
{
    public PairedRatio Ratio(string a, string b) => PairedRatio.Of(Times[a], Times[b]);
}

/// <summary>The result of the seed-net step benchmark.</summary>
public sealed record SeedNetResult(
    int Rounds,
    int StepsPerMeasurement,
    IReadOnlyList<StepVariant> Variants,
    IReadOnlyList<SeedNetCell> Cells,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> WorkerFacts,
    string? PyTorchMissing);

/// <summary>
/// Benchmark 1: one training step of each seed net (forward, losses, backward, optimizer step, zero_grad on a fixed
/// random batch in train mode) as the generated module with the kernels chosen for this host, the same net written
/// by hand in TorchSharp, the generated module under the AVX clamp (<c>DNNL_MAX_CPU_ISA=AVX</c>, what every user
/// got before the per-host choice), and the same net in PyTorch 1.13 (Debian's python3-torch), at 1 thread and at
/// all cores. oneDNN fixes its kernels once per process, so each kernel setting and PyTorch run in their own
/// long-lived worker process; the rounds interleave all variants (their order rotates each round), so a slow phase
/// of the shared machine hits every variant of the round alike.
/// </summary>
public static class SeedNetBenchmark
{
    public const string Generated = "generated";
    public const string Hand = "hand";
    public const string Clamped = "clamped";
    public const string PyTorch = "pytorch";
    public const string Bf16 = "bf16";
    public const string HandBf16 = "hand-bf16";

    /// <param name="nets">The nets measured; the seed nets when null.</param>
    /// <param name="variantKeys">The variants measured (keys above); when null, the kernel comparison of section 1 (generated, hand-written, AVX clamp, PyTorch).</param>
    public static SeedNetResult Run(int rounds, int steps, IReadOnlyList<int> threadCounts, string python, string script, IReadOnlyList<SeedNet>? nets = null, IReadOnlyCollection<string>? variantKeys = null)
    {
        nets ??= SeedNet.All;
        var variants = new List<StepVariant>
        {
            new(Generated, "generated, kernels chosen for this host", "fast", "generated"),
            new(Hand, "hand-written TorchSharp, same kernels", "fast", "hand"),
            new(Clamped, "generated, AVX clamp (DNNL_MAX_CPU_ISA=AVX)", "clamped", "generated"),
            new(Bf16, "generated, bf16-mixed (Precision.Bf16Mixed)", "fast", "bf16"),
            new(HandBf16, "hand-written, all bfloat16 (model and batch cast, no master weights)", "fast", "hand-bf16"),
        };
        variantKeys ??= new[] { Generated, Hand, Clamped, PyTorch };
        variants.RemoveAll(v => !variantKeys.Contains(v.Key));

        var workers = new Dictionary<string, WorkerProcess>();
        string? pytorchMissing = null;
        try
        {
            workers["fast"] = StartSelf("fast", new Dictionary<string, string?> { ["DNNL_MAX_CPU_ISA"] = null, ["DSL_ONEDNN_KERNELS"] = "auto" });
            if (variants.Any(v => v.Worker == "clamped"))
            {
                workers["clamped"] = StartSelf("clamped", new Dictionary<string, string?> { ["DNNL_MAX_CPU_ISA"] = "AVX" });
            }

            if (variantKeys.Contains(PyTorch))
            {
                pytorchMissing = StartPyTorch(workers, variants, python, script);
            }

            var times = new Dictionary<(string Net, int Threads, string Variant), Samples>();
            foreach (var net in nets)
            {
                foreach (int threads in threadCounts)
                {
                    foreach (var v in variants)
                    {
                        times[(net.Name, threads, v.Key)] = new Samples(v.Label);
                    }
                }
            }

            for (int round = 0; round < rounds; round++)
            {
                foreach (int threads in threadCounts)
                {
                    foreach (var net in nets)
                    {
                        var order = variants.Skip(round % variants.Count).Concat(variants.Take(round % variants.Count));
                        foreach (var v in order)
                        {
                            times[(net.Name, threads, v.Key)].Add(workers[v.Worker].Run(net.Name, v.WorkerVariant, threads, steps));
                        }

                        Console.WriteLine($"  round {round + 1,2}/{rounds}, {threads} thread(s), {net.Name,-10}: " +
                            string.Join(", ", variants.Select(v => $"{v.Key} {times[(net.Name, threads, v.Key)].Values[^1],7:F1}")) + " ms/step");
                    }
                }
            }

            var cells = nets
                .SelectMany(net => threadCounts.Select(threads => new SeedNetCell(
                    net,
                    threads,
                    variants.ToDictionary(v => v.Key, v => times[(net.Name, threads, v.Key)]))))
                .ToList();
            return new SeedNetResult(rounds, steps, variants, cells, workers.ToDictionary(w => w.Key, w => w.Value.Facts), pytorchMissing);
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>Starts the PyTorch worker and adds its variant; the reason when it did not start.</summary>
    private static string? StartPyTorch(Dictionary<string, WorkerProcess> workers, List<StepVariant> variants, string python, string script)
    {
        try
        {
            workers["pytorch"] = WorkerProcess.Start("pytorch", python, new[] { script }, new Dictionary<string, string?> { ["DNNL_MAX_CPU_ISA"] = null });
            variants.Add(new(PyTorch, $"PyTorch {workers["pytorch"].Facts.GetValueOrDefault("torch", "?")} (Debian python3-torch)", "pytorch", "pytorch"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            string missing = $"{python} {script} did not start ({e.Message}); install python3-torch (apt-get install -y python3-torch).";
            Console.WriteLine($"  PyTorch skipped: {missing}");
            return missing;
        }
    }

    /// <summary>This benchmark program again, as a <see cref="StepWorker"/>.</summary>
    private static WorkerProcess StartSelf(string name, IReadOnlyDictionary<string, string?> environment)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("no program path to start a worker from");
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            arguments.Add(typeof(SeedNetBenchmark).Assembly.Location);
        }

        arguments.Add("--step-worker");
        return WorkerProcess.Start(name, host, arguments, environment);
    }
}
