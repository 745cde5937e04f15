using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Examples.Programs;

/// <summary>Small evaluation helpers the examples share: batched inference, accuracy, confusion matrices, errors.</summary>
public static class Evaluation
{
    /// <summary>
    /// Runs <paramref name="forward"/> over <paramref name="inputs"/> in batches without gradients (put the model in
    /// eval mode first) and returns the results concatenated on the CPU.
    /// </summary>
    public static Tensor Batched(Func<Tensor, Tensor> forward, Tensor inputs, Device device, int batchSize = 500)
    {
        var pieces = new List<Tensor>();
        using (no_grad())
        {
            for (long start = 0; start < inputs.shape[0]; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long size = Math.Min(batchSize, inputs.shape[0] - start);
                Tensor batch = inputs.narrow(0, start, size).to(device);
                pieces.Add(forward(batch).detach().cpu().MoveToOuterDisposeScope());
            }
        }

        Tensor result = cat(pieces, 0);
        foreach (Tensor piece in pieces)
        {
            piece.Dispose();
        }

        return result;
    }

    /// <summary>The predicted class of every image: the arg-max of <paramref name="logits"/>' output.</summary>
    public static Tensor PredictClasses(Func<Tensor, Tensor> logits, Tensor images, Device device)
    {
        using Tensor scores = Batched(logits, images, device);
        return scores.argmax(1);
    }

    /// <summary>The fraction of predictions equal to the labels.</summary>
    public static double Accuracy(Tensor predicted, Tensor labels)
    {
        using Tensor equal = predicted.eq(labels).to(float32);
        return equal.numel() == 0 ? 0 : equal.mean().item<float>();
    }

    /// <summary>The mean squared error of two tensors of the same shape.</summary>
    public static double Mse(Tensor a, Tensor b)
    {
        using Tensor difference = a.to(float32) - b.to(float32);
        using Tensor squared = difference.square();
        return squared.mean().item<float>();
    }

    /// <summary>Counts of (true class, predicted class), <c>[classes][classes]</c>.</summary>
    public static long[][] ConfusionMatrix(Tensor labels, Tensor predicted, int classes)
    {
        long[] truth = labels.cpu().data<long>().ToArray();
        long[] guess = predicted.cpu().data<long>().ToArray();
        long[][] matrix = Enumerable.Range(0, classes).Select(_ => new long[classes]).ToArray();
        for (int i = 0; i < truth.Length; i++)
        {
            matrix[truth[i]][guess[i]]++;
        }

        return matrix;
    }
}
