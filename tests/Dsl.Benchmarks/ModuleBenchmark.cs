using System;
using System.Diagnostics;
using Dsl.Checks;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>The result of benchmark 1.</summary>
public sealed record ModuleResult(
    int Rounds,
    int StepsPerRound,
    Samples Generated,
    Samples HandWritten,
    PairedRatio Ratio,
    double CheckNanoseconds,
    double WeightsMaxDifference);

/// <summary>
/// Benchmark 1: one training step (forward, cross-entropy, backward, Adam) of the generated DigitClassifier
/// against the same network written by hand, same initial weights, same fixed batch, interleaved rounds.
/// </summary>
public static class ModuleBenchmark
{
    private const int BatchSize = 128;

    public static ModuleResult Run(int rounds, int stepsPerRound, int warmupSteps)
    {
        manual_seed(7);
        using var images = rand(BatchSize, 1, 28, 28);
        using var labels = randint(0, 10, new long[] { BatchSize }, dtype: ScalarType.Int64);

        using var generated = new DigitClassifier();
        using var hand = new HandWrittenDigitClassifier();
        using (no_grad())
        {
            hand.load_state_dict(generated.state_dict(), strict: true);
        }

        double weightsDifference = MaxDifference(generated, hand);
        generated.train();
        hand.train();
        using var generatedOptimizer = optim.Adam(generated.parameters(), 1e-3);
        using var handOptimizer = optim.Adam(hand.parameters(), 1e-3);

        var generatedTargets = new DigitClassifier.Targets(labels);
        void GeneratedStep()
        {
            using var scope = NewDisposeScope();
            using var outputs = generated.Forward(images);
            using var losses = generated.ComputeLoss(outputs, generatedTargets);
            losses.Total.backward();
            generatedOptimizer.step();
            generatedOptimizer.zero_grad();
        }

        void HandStep()
        {
            using var scope = NewDisposeScope();
            var logits = hand.forward(images);
            var loss = nn.functional.cross_entropy(logits, labels);
            loss.backward();
            handOptimizer.step();
            handOptimizer.zero_grad();
        }

        for (int i = 0; i < warmupSteps; i++)
        {
            GeneratedStep();
            HandStep();
        }

        var generatedTimes = new Samples("generated");
        var handTimes = new Samples("hand-written");
        for (int round = 0; round < rounds; round++)
        {
            // Alternate which variant goes first, so neither always runs on a cache the other warmed.
            if (round % 2 == 0)
            {
                generatedTimes.Add(TimeSteps(GeneratedStep, stepsPerRound));
                handTimes.Add(TimeSteps(HandStep, stepsPerRound));
            }
            else
            {
                handTimes.Add(TimeSteps(HandStep, stepsPerRound));
                generatedTimes.Add(TimeSteps(GeneratedStep, stepsPerRound));
            }

            Console.WriteLine($"  round {round + 1,2}/{rounds}: generated {generatedTimes.Values[^1],7:F2} ms/step, hand-written {handTimes.Values[^1],7:F2} ms/step");
        }

        return new ModuleResult(
            rounds,
            stepsPerRound,
            generatedTimes,
            handTimes,
            PairedRatio.Of(generatedTimes, handTimes),
            MeasureCheck(images),
            weightsDifference);
    }

    /// <summary>Milliseconds per step over <paramref name="steps"/> steps.</summary>
    private static double TimeSteps(Action step, int steps)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
        {
            step();
        }

        return clock.Elapsed.TotalMilliseconds / steps;
    }

    /// <summary>Nanoseconds per call of the input check the generated forward runs first (median of 9 batches).</summary>
    private static double MeasureCheck(Tensor images)
    {
        long[] expected = { TensorCheck.Any, 1, 28, 28 };
        const int calls = 200_000;
        var perCall = new Samples("check");
        long sink = 0;
        for (int batch = 0; batch < 10; batch++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < calls; i++)
            {
                sink += TensorCheck.Check("DigitClassifier", "input", "image", images, expected, "[B, 1, 28, 28]", ScalarType.Float32, 0);
            }

            if (batch > 0)
            {
                perCall.Add(clock.Elapsed.TotalNanoseconds / calls);
            }
        }

        GC.KeepAlive(sink);
        return perCall.Median;
    }

    private static double MaxDifference(nn.Module a, nn.Module b)
    {
        using var scope = NewDisposeScope();
        var left = a.state_dict();
        var right = b.state_dict();
        double max = 0;
        foreach (var (name, tensor) in left)
        {
            max = Math.Max(max, (tensor - right[name]).abs().max().item<float>());
        }

        return max;
    }
}
