using System;
using System.Diagnostics;
using Dsl.Data;
using Dsl.Training;
using Examples.Models;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>The result of benchmark 5: each candidate against what the library does today, per-round ratios.</summary>
public sealed record CheaperStepsResult(
    int Rounds,
    int StepsPerRound,
    int TrainBatch,
    int EvaluationSamples,
    int EvaluationBatch,
    Samples OutOfPlace,
    Samples InPlace,
    PairedRatio InPlaceOverOutOfPlace,
    Samples NoGrad,
    Samples InferenceMode,
    PairedRatio InferenceModeOverNoGrad,
    bool SameTrainingLoss,
    bool SamePredictions);

/// <summary>
/// Benchmark 5: the cheaper steps the DSL could take because it knows more than TorchSharp, each measured before it
/// is adopted. (a) In-place activations: seed 000's classifier trained with <c>relu_</c> against <c>relu</c> (the
/// hand-written module with and without <c>inPlaceActivations</c>, same weights, same batches). (b) Inference mode:
/// the generated classifier evaluated over the embedded digits under <c>torch.inference_mode()</c> against
/// <c>torch.no_grad()</c> (what <c>Trainer.Evaluate</c> and <c>Predict</c> used). Both variants must compute the same
/// numbers, which the result records.
/// </summary>
public static class CheaperSteps
{
    private const int TrainBatch = 128;
    private const int EvaluationSamples = 2_048;
    private const int EvaluationBatch = 256;

    public static CheaperStepsResult Run(int rounds, int stepsPerRound)
    {
        using var data = Digits.Load(EvaluationSamples);
        var (outOfPlace, inPlace, sameLoss) = Activations(data, rounds, stepsPerRound);
        var (noGrad, inference, samePredictions) = Evaluation(data, rounds);
        return new CheaperStepsResult(
            rounds, stepsPerRound, TrainBatch, EvaluationSamples, EvaluationBatch,
            outOfPlace, inPlace, PairedRatio.Of(inPlace, outOfPlace),
            noGrad, inference, PairedRatio.Of(inference, noGrad),
            sameLoss, samePredictions);
    }

    private static (Samples OutOfPlace, Samples InPlace, bool SameLoss) Activations(TensorDataset data, int rounds, int steps)
    {
        manual_seed(5);
        using var plain = new HandWrittenDigitClassifier();
        using var inPlace = new HandWrittenDigitClassifier(inPlaceActivations: true);
        using (no_grad())
        {
            inPlace.load_state_dict(plain.state_dict(), strict: true);
        }

        var batch = data.GetBatch(LongRange(TrainBatch));
        using var images = batch["image"];
        using var labels = batch["label"];
        using var plainOptimizer = optim.SGD(plain.parameters(), 0.01);
        using var inPlaceOptimizer = optim.SGD(inPlace.parameters(), 0.01);

        // One step each from the same weights and the same dropout draws: the losses must agree exactly.
        plain.eval();
        inPlace.eval();
        bool sameLoss = Step(plain, plainOptimizer, images, labels) == Step(inPlace, inPlaceOptimizer, images, labels);
        plain.train();
        inPlace.train();

        double Time(HandWrittenDigitClassifier model, optim.Optimizer optimizer)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++)
            {
                Step(model, optimizer, images, labels);
            }

            return clock.Elapsed.TotalMilliseconds / steps;
        }

        Time(plain, plainOptimizer);
        Time(inPlace, inPlaceOptimizer);
        var a = new Samples("relu (out of place)");
        var b = new Samples("relu_ (in place)");
        for (int round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                a.Add(Time(plain, plainOptimizer));
                b.Add(Time(inPlace, inPlaceOptimizer));
            }
            else
            {
                b.Add(Time(inPlace, inPlaceOptimizer));
                a.Add(Time(plain, plainOptimizer));
            }

            Console.WriteLine($"  round {round + 1,2}/{rounds}: relu {a.Values[^1],7:F1} ms/step, relu_ {b.Values[^1],7:F1} ms/step");
        }

        return (a, b, sameLoss);
    }

    private static float Step(HandWrittenDigitClassifier model, optim.Optimizer optimizer, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(images), labels);
        loss.backward();
        optimizer.step();
        optimizer.zero_grad();
        return loss.item<float>();
    }

    private static (Samples NoGrad, Samples InferenceMode, bool SamePredictions) Evaluation(TensorDataset data, int rounds)
    {
        manual_seed(6);
        using var model = new DigitClassifier();
        model.eval();

        Tensor Predict(bool inferenceMode)
        {
            using IDisposable mode = inferenceMode ? inference_mode() : no_grad();
            var pieces = new System.Collections.Generic.List<Tensor>();
            foreach (long[] indices in data.BatchIndices(EvaluationBatch))
            {
                using var scope = NewDisposeScope();
                var outputs = ((ITrainableModel)model).Infer(data.GetBatch(indices));
                pieces.Add(outputs[DigitClassifier.Columns.Logits].argmax(1).DetachFromDisposeScope());
            }

            var all = cat(pieces, 0);
            foreach (var piece in pieces)
            {
                piece.Dispose();
            }

            return all;
        }

        bool same;
        using (var x = Predict(inferenceMode: false))
        using (var y = Predict(inferenceMode: true))
        {
            same = x.eq(y).all().item<bool>();
        }

        double Time(bool inferenceMode)
        {
            var clock = Stopwatch.StartNew();
            Predict(inferenceMode).Dispose();
            return clock.Elapsed.TotalMilliseconds;
        }

        var a = new Samples("no_grad");
        var b = new Samples("inference_mode");
        for (int round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                a.Add(Time(false));
                b.Add(Time(true));
            }
            else
            {
                b.Add(Time(true));
                a.Add(Time(false));
            }

            Console.WriteLine($"  round {round + 1,2}/{rounds}: no_grad {a.Values[^1],7:F1} ms, inference_mode {b.Values[^1],7:F1} ms");
        }

        return (a, b, same);
    }

    private static long[] LongRange(int count)
    {
        var indices = new long[count];
        for (int i = 0; i < count; i++)
        {
            indices[i] = i;
        }

        return indices;
    }
}
