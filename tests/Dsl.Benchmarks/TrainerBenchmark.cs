using System;
using System.Diagnostics;
using System.Linq;
using Dsl.Data;
using Dsl.Training;
using Examples.Models;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>The result of benchmark 3 at one torch intra-op thread count.</summary>
/// <param name="Fit">Trainer.Fit, batches prepared on the training thread (the default).</param>
/// <param name="FitPrefetch">Trainer.Fit with <see cref="TrainingOptions.PrefetchBatches"/>.</param>
/// <param name="Bare">The bare loop.</param>
/// <param name="Ratio">Fit / bare per round.</param>
/// <param name="PrefetchRatio">Fit with prefetch / bare per round.</param>
/// <param name="PrefetchVsFit">Fit with prefetch / Fit per round: below 1 when prefetching saves time.</param>
/// <param name="OverheadMsPerStep">(Fit - bare) / steps per round: the trainer's cost per step in ms.</param>
/// <param name="PrefetchOverheadMsPerStep">The same with prefetch.</param>
public sealed record TrainerResult(
    int Threads,
    int Rounds,
    int Samples,
    int BatchSize,
    int StepsPerEpoch,
    Samples Fit,
    Samples FitPrefetch,
    Samples Bare,
    PairedRatio Ratio,
    PairedRatio PrefetchRatio,
    PairedRatio PrefetchVsFit,
    double OverheadMsPerStep,
    double PrefetchOverheadMsPerStep);

/// <summary>
/// Benchmark 3: one epoch of <see cref="Trainer.Fit"/>, with and without <see cref="TrainingOptions.PrefetchBatches"/>,
/// against a bare loop doing the same steps on the same batches (model.Step, backward, Adam step, zero_grad, one
/// dispose scope per batch). What the trainer adds: batch statistics (loss and accuracy read back), the finite-loss
/// and finite-gradient checks, the observer, the epoch bookkeeping; prefetching takes the batch gathering off the
/// training thread. Shuffling is off in all three so the batches are identical.
/// </summary>
public static class TrainerBenchmark
{
    private const int SampleCount = 2_048;
    private const int BatchSize = 128;

    /// <summary>Measures at <paramref name="threads"/> intra-op threads, then restores <paramref name="restoreThreads"/>.</summary>
    public static TrainerResult Run(int rounds, int threads, int restoreThreads)
    {
        set_num_threads(threads);
        try
        {
            return Run(rounds, threads);
        }
        finally
        {
            set_num_threads(restoreThreads);
        }
    }

    private static TrainerResult Run(int rounds, int threads)
    {
        using var data = Digits.Load(SampleCount);
        manual_seed(11);
        using var fitModel = new DigitClassifier();
        using var prefetchModel = new DigitClassifier();
        using var bareModel = new DigitClassifier();
        using (no_grad())
        {
            prefetchModel.load_state_dict(fitModel.state_dict(), strict: true);
            bareModel.load_state_dict(fitModel.state_dict(), strict: true);
        }

        var options = new TrainingOptions { Epochs = 1, BatchSize = BatchSize, Shuffle = false, Optimizer = OptimizerSpec.Adam(), Verbose = TrainingVerbosity.Silent }; // the trainer, not the console
        var prefetchOptions = options with { PrefetchBatches = true };

        double Time(Action epoch)
        {
            var clock = Stopwatch.StartNew();
            epoch();
            return clock.Elapsed.TotalMilliseconds;
        }

        var fit = new Samples("Trainer.Fit");
        var prefetch = new Samples("Trainer.Fit, PrefetchBatches");
        var bare = new Samples("bare loop");
        var variants = new (Samples Samples, Action Epoch)[]
        {
            (fit, () => Trainer.Fit(fitModel, data, null, options)),
            (prefetch, () => Trainer.Fit(prefetchModel, data, null, prefetchOptions)),
            (bare, () => BareLoop(bareModel, data, options)),
        };

        foreach (var (_, epoch) in variants)
        {
            Time(epoch);
        }

        for (int round = 0; round < rounds; round++)
        {
            // The order rotates every round, so no variant always runs first or after the same one.
            for (int k = 0; k < variants.Length; k++)
            {
                var (samples, epoch) = variants[(round + k) % variants.Length];
                samples.Add(Time(epoch));
            }

            Console.WriteLine(
                $"  threads {threads}, round {round + 1,2}/{rounds}: Trainer.Fit {fit.Values[^1],8:F1} ms, with prefetch {prefetch.Values[^1],8:F1} ms, bare loop {bare.Values[^1],8:F1} ms");
        }

        int steps = data.BatchCount(BatchSize);
        double OverheadPerStep(Samples a) => Samples.Quantile(a.Values.Zip(bare.Values, (x, y) => (x - y) / steps).ToArray(), 0.5);
        return new TrainerResult(
            threads, rounds, SampleCount, BatchSize, steps, fit, prefetch, bare,
            PairedRatio.Of(fit, bare), PairedRatio.Of(prefetch, bare), PairedRatio.Of(prefetch, fit),
            OverheadPerStep(fit), OverheadPerStep(prefetch));
    }

    /// <summary>The minimal correct training epoch a user would write without the trainer.</summary>
    private static void BareLoop(DigitClassifier model, TensorDataset data, TrainingOptions options)
    {
        ITrainableModel trainable = model;
        model.train();
        random.manual_seed(options.Seed);
        using var optimizer = options.Optimizer.Create(model);
        foreach (long[] indices in data.BatchIndices(options.BatchSize))
        {
            using var scope = NewDisposeScope();
            using var result = trainable.Step(data.GetBatch(indices));
            result.Losses.Total.backward();
            optimizer.step();
            optimizer.zero_grad();
        }
    }
}
