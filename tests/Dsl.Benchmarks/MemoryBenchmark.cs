using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Dsl.Training;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>One sample of benchmark 4.</summary>
public sealed record MemorySample(int Step, long LiveTensors, double WorkingSetMiB, double ManagedMiB);

/// <summary>The result of benchmark 4.</summary>
public sealed record MemoryResult(int Steps, int BatchSize, IReadOnlyList<MemorySample> Samples);

/// <summary>
/// Benchmark 4: <see cref="Trainer.Fit"/> for a fixed number of steps, sampling the live tensor count of this
/// thread (TorchSharp's dispose-scope statistics: created minus disposed) and the process working set every
/// <c>interval</c> steps. A leak of one tensor per step shows as a count that climbs by the interval.
/// </summary>
public static class MemoryBenchmark
{
    public static MemoryResult Run(int steps, int interval, int batchSize)
    {
        const int stepsPerEpoch = 60;
        using var data = Digits.Load(stepsPerEpoch * batchSize);
        manual_seed(13);
        using var model = new DigitClassifier();
        var samples = new List<MemorySample> { Sample(0) };
        using var stop = new CancellationTokenSource();
        var observer = new Sampler(interval, steps, samples, stop);
        int epochs = (steps + stepsPerEpoch - 1) / stepsPerEpoch;
        Trainer.Fit(model, data, null, new TrainingOptions { Epochs = epochs, BatchSize = batchSize }, observer, stop.Token);
        return new MemoryResult(observer.Step, batchSize, samples);
    }

    private static MemorySample Sample(int step)
    {
        using var process = Process.GetCurrentProcess();
        return new MemorySample(
            step,
            DisposeScopeManager.Statistics.ThreadTotalLiveCount,
            process.WorkingSet64 / (1024.0 * 1024.0),
            GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0));
    }

    private sealed class Sampler(int interval, int steps, List<MemorySample> samples, CancellationTokenSource stop) : ITrainingObserver
    {
        public int Step { get; private set; }

        public void OnBatchEnd(BatchProgress progress)
        {
            Step++;
            if (Step % interval == 0)
            {
                var sample = Sample(Step);
                samples.Add(sample);
                Console.WriteLine($"  step {sample.Step,4}: {sample.LiveTensors,5} live tensors, working set {sample.WorkingSetMiB,7:F1} MiB, managed heap {sample.ManagedMiB,6:F1} MiB");
            }

            if (Step >= steps)
            {
                stop.Cancel();
            }
        }
    }
}
