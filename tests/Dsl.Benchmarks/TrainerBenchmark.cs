using System;
using System.Diagnostics;
using Dsl.Data;
using Dsl.Training;
using Examples.Models;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>The result of benchmark 3.</summary>
public sealed record TrainerResult(int Rounds, int Samples, int BatchSize, int StepsPerEpoch, Samples Fit, Samples Bare, PairedRatio Ratio);

/// <summary>
/// Benchmark 3: one epoch of <see cref="Trainer.Fit"/> against a bare loop doing the same steps on the same
/// batches (model.Step, backward, Adam step, zero_grad, one dispose scope per batch). What the trainer adds:
/// batch statistics (loss and accuracy read back), the finite-loss and finite-gradient checks, the observer,
/// the epoch bookkeeping. Shuffling is off in both so the batches are identical.
/// </summary>
public static class TrainerBenchmark
{
    private const int SampleCount = 2_048;
    private const int BatchSize = 128;

    public static TrainerResult Run(int rounds)
    {
        using var data = Digits.Load(SampleCount);
        manual_seed(11);
        using var fitModel = new DigitClassifier();
        using var bareModel = new DigitClassifier();
        using (no_grad())
        {
            bareModel.load_state_dict(fitModel.state_dict(), strict: true);
        }

        var options = new TrainingOptions { Epochs = 1, BatchSize = BatchSize, Shuffle = false, Optimizer = OptimizerSpec.Adam(), Verbose = TrainingVerbosity.Silent }; // the trainer, not the console

        double FitEpoch()
        {
            var clock = Stopwatch.StartNew();
            Trainer.Fit(fitModel, data, null, options);
            return clock.Elapsed.TotalMilliseconds;
        }

        double BareEpoch()
        {
            var clock = Stopwatch.StartNew();
            BareLoop(bareModel, data, options);
            return clock.Elapsed.TotalMilliseconds;
        }

        FitEpoch();
        BareEpoch();

        var fit = new Samples("Trainer.Fit");
        var bare = new Samples("bare loop");
        for (int round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                fit.Add(FitEpoch());
                bare.Add(BareEpoch());
            }
            else
            {
                bare.Add(BareEpoch());
                fit.Add(FitEpoch());
            }

            Console.WriteLine($"  round {round + 1,2}/{rounds}: Trainer.Fit {fit.Values[^1],8:F1} ms, bare loop {bare.Values[^1],8:F1} ms");
        }

        return new TrainerResult(rounds, SampleCount, BatchSize, data.BatchCount(BatchSize), fit, bare, PairedRatio.Of(fit, bare));
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
