using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Dsl.Data;
using Dsl.Onnx;
using Dsl.Training;
using Examples.Models;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>One batch size and thread count of benchmark 6: milliseconds per pass over the samples, per variant.</summary>
public sealed record InferenceCase(
    int Threads,
    int Batch,
    int SampleCount,
    Samples Predict,
    Samples Onnx,
    Samples OnnxUnoptimized,
    PairedRatio OnnxOverPredict,
    PairedRatio UnoptimizedOverPredict);

/// <summary>The result of benchmark 6, with the largest logit difference between the two runtimes.</summary>
public sealed record InferenceResult(int Rounds, IReadOnlyList<InferenceCase> Cases, double MaxLogitDifference, string OnnxRuntimeVersion);

/// <summary>
/// Benchmark 6: <c>Trainer.Predict</c> on the generated seed-000 classifier against ONNX Runtime on the same model
/// exported with <c>OnnxExport</c> (same weights, same digits, same batch, same thread count). Both sides read their
/// batches from the dataset: Predict gathers them with <c>TensorDataset.GetBatch</c>, the ONNX side copies each batch
/// into the array ONNX Runtime reads, so the copy a user would write is counted. A third variant runs ONNX Runtime
/// with its graph optimizations off (<c>ORT_DISABLE_ALL</c>): the gap between the two ONNX variants is what graph
/// rewriting (constant folding, Conv+ReLU / MatMul+Add fusion, pre-packed weights) buys, the rest is kernels and
/// per-op dispatch.
/// </summary>
public static class InferenceBenchmark
{
    private const int ThroughputSamples = 2_048;
    private const int LatencySamples = 256;

    public static InferenceResult Run(int rounds, IReadOnlyList<int> threadCounts)
    {
        using var data = Digits.Load(ThroughputSamples);
        manual_seed(6);
        using var model = new DigitClassifier();
        model.eval();
        byte[] onnx = OnnxExport.ToModel(DigitClassifier.OnnxGraph, model).ToByteArray();

        double difference = MaxLogitDifference(model, data, onnx);
        Console.WriteLine($"  ONNX Runtime vs Predict, largest logit difference: {difference:E2}");

        var cases = new List<InferenceCase>();
        foreach (int threads in threadCounts)
        {
            foreach (var (batch, samples) in new[] { (256, ThroughputSamples), (1, LatencySamples) })
            {
                cases.Add(Measure(model, data, onnx, threads, batch, samples, rounds));
            }
        }

        return new InferenceResult(rounds, cases, difference, OrtEnv.Instance().GetVersionString());
    }

    private static InferenceCase Measure(DigitClassifier model, TensorDataset all, byte[] onnx, int threads, int batch, int samples, int rounds)
    {
        int previousThreads = get_num_threads();
        set_num_threads(threads);
        try
        {
            using var data = all.Take(samples);
            using var optimized = Session(onnx, threads, GraphOptimizationLevel.ORT_ENABLE_ALL);
            using var unoptimized = Session(onnx, threads, GraphOptimizationLevel.ORT_DISABLE_ALL);
            var variants = new (Samples Samples, Action Pass)[]
            {
                (new Samples("Trainer.Predict"), () => Trainer.Predict(model, data, DigitClassifier.Columns.Logits, batch).Dispose()),
                (new Samples("ONNX Runtime"), () => OnnxPass(optimized, data, batch)),
                (new Samples("ONNX Runtime, no graph optimizations"), () => OnnxPass(unoptimized, data, batch)),
            };

            foreach (var (_, pass) in variants)
            {
                pass(); // warm-up: first-call allocations and kernel selection
            }

            for (int round = 0; round < rounds; round++)
            {
                // Rotate the order each round so no variant always runs first after the others warmed the caches.
                for (int k = 0; k < variants.Length; k++)
                {
                    var (times, pass) = variants[(k + round) % variants.Length];
                    var clock = Stopwatch.StartNew();
                    pass();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            var (predict, ort, plain) = (variants[0].Samples, variants[1].Samples, variants[2].Samples);
            Console.WriteLine(
                $"  threads {threads}, batch {batch,3}, {samples} samples: Predict {predict.Median,7:F1} ms, ONNX Runtime {ort.Median,7:F1} ms, " +
                $"unoptimized {plain.Median,7:F1} ms");
            return new InferenceCase(threads, batch, samples, predict, ort, plain, PairedRatio.Of(ort, predict), PairedRatio.Of(plain, predict));
        }
        finally
        {
            set_num_threads(previousThreads);
        }
    }

    private static InferenceSession Session(byte[] onnx, int threads, GraphOptimizationLevel level)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = level,
        };
        return new InferenceSession(onnx, options);
    }

    /// <summary>One pass of ONNX Runtime over <paramref name="data"/>: each batch copied out of the dataset and run.</summary>
    private static void OnnxPass(InferenceSession session, TensorDataset data, int batch)
    {
        foreach (long[] indices in data.BatchIndices(batch))
        {
            using var scope = NewDisposeScope();
            var images = data.GetBatch(indices)[DigitClassifier.Columns.Image];
            var input = new DenseTensor<float>(images.data<float>().ToArray(), images.shape.Select(d => (int)d).ToArray());
            using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(DigitClassifier.Columns.Image, input) });
            GC.KeepAlive(results.First().AsTensor<float>());
        }
    }

    /// <summary>The largest absolute logit difference between Predict and ONNX Runtime over the digits.</summary>
    private static double MaxLogitDifference(DigitClassifier model, TensorDataset data, byte[] onnx)
    {
        using var session = Session(onnx, threads: 1, GraphOptimizationLevel.ORT_ENABLE_ALL);
        using var scope = NewDisposeScope();
        var expected = Trainer.Predict(model, data, DigitClassifier.Columns.Logits, batchSize: 256);
        var images = data.GetBatch(Enumerable.Range(0, data.Count).Select(i => (long)i).ToArray())[DigitClassifier.Columns.Image];
        var input = new DenseTensor<float>(images.data<float>().ToArray(), images.shape.Select(d => (int)d).ToArray());
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(DigitClassifier.Columns.Image, input) });
        float[] actual = results.Single(r => r.Name == DigitClassifier.Columns.Logits).AsTensor<float>().ToArray();
        float[] reference = expected.contiguous().data<float>().ToArray();
        return reference.Zip(actual, (a, b) => Math.Abs((double)a - b)).Max();
    }
}
