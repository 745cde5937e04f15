using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Data;
using Dsl.Metadata;
using Dsl.Training;
using Examples.Cli;
using Examples.Models;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Examples.Programs;

/// <summary>
/// Seed 003: a Siamese network (one tower applied to both images, Euclidean distance, contrastive loss, RMSprop).
/// The seed used the AT&amp;T faces, which are not available here, so this uses digits: every 28x28 digit is
/// upsampled x2 (bilinear) to 56x56 and its width center-cropped to 46 columns, the tower's 1x56x46 input.
/// Pairs are drawn as in the seed: as many genuine pairs (two different images of one class) as impostor pairs
/// (images of two different classes), at random with the run's seed. Training sees digits 0-6 only; the test
/// reports verification accuracy (distance &lt; 0.5 means "same") on pairs of held-out images, and, as the seed's
/// author wished, N-way one-shot accuracy on digits 7-9, which the network never saw: one support image per class,
/// the query goes to the class of the nearest support embedding.
/// </summary>
public sealed class SiameseExample : IExample
{
    private static readonly int[] TrainClasses = { 0, 1, 2, 3, 4, 5, 6 };
    private static readonly int[] UnseenClasses = { 7, 8, 9 };
    private const double SameThreshold = 0.5;
    private const int TestPairs = 1000;
    private const int OneShotTrials = 1000;

    public string Name => "siamese";

    public string Seed => "003";

    public string Description => "one tower applied twice, Euclidean distance, contrastive loss; verification and one-shot accuracy on unseen digits";

    public IReadOnlyList<ModelInfo> Models => new[] { SiameseNet.Info, SiameseTower.Info };

    // --limit is the number of training pairs (the seed: 15,000 pairs, 20 epochs, RMSprop). 10 epochs take about 40 s
    // with the fast kernels (5 took 123 s under the AVX clamp) and do better on unseen digits.
    public ExampleDefaults Defaults => new(Epochs: 10, BatchSize: 128, Limit: 8000);

    public ExampleResult Run(ExampleOptions options, ExampleContext context)
    {
        using var data = ExampleData.Load(options);
        context.Console.WriteLine(data.Description);
        context.Console.WriteLine("Digits upsampled x2 to 56x56 (bilinear), width center-cropped to 46: the tower's 1x56x46 input.");

        using Tensor trainImages = ToTowerInput(data.TrainImages);
        using Tensor testImages = ToTowerInput(data.TestImages);
        long[] trainLabels = data.TrainLabels.data<long>().ToArray();
        long[] testLabels = data.TestLabels.data<long>().ToArray();

        var random = new Random(unchecked((int)options.Seed));
        int trainPairs = options.Limit ?? 8000;
        using var train = DrawPairs(trainImages, trainLabels, TrainClasses, trainPairs, random);
        using var heldOut = DrawPairs(testImages, testLabels, TrainClasses, TestPairs, random);
        using var unseen = DrawPairs(testImages, testLabels, UnseenClasses, TestPairs, random);
        context.Console.WriteLine($"{train.Count:N0} training pairs of digits 0-6 (half genuine, half impostor); {heldOut.Count:N0} held-out test pairs.");

        torch.manual_seed(options.Seed);
        using var model = new SiameseNet();
        context.Fit("train", model, train, heldOut, new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            Device = options.Device,
            Optimizer = OptimizerSpec.RmsProp(),
        });

        model.eval();
        using Tensor embeddings = Evaluation.Batched(x => model.Tower.Forward(x).Embedding, testImages, context.Device);

        return new ExampleResult(
            Name,
            options.Epochs,
            context.TrainSeconds,
            new Dictionary<string, double>
            {
                ["verification_accuracy"] = VerificationAccuracy(model, heldOut),
                ["unseen_verification_accuracy"] = VerificationAccuracy(model, unseen),
                ["one_shot_3way_accuracy"] = OneShotAccuracy(embeddings, testLabels, UnseenClasses, OneShotTrials, random),
            },
            Array.Empty<string>());
    }

    /// <summary>[N, 1, 28, 28] digits to the tower's [N, 1, 56, 46]: bilinear x2, then the middle 46 columns.</summary>
    private static Tensor ToTowerInput(Tensor digits)
    {
        using Tensor upsampled = nn.functional.interpolate(digits, size: new long[] { 56, 56 }, mode: InterpolationMode.Bilinear, align_corners: false);
        return upsampled.narrow(3, (56 - 46) / 2, 46).contiguous();
    }

    /// <summary>
    /// Half genuine pairs (two different images of one class, the classes taken in turn) and half impostor pairs
    /// (one image each of two different random classes), as the columns "left", "right" and "same" [N, 1].
    /// </summary>
    private static TensorDataset DrawPairs(Tensor images, long[] labels, int[] classes, int count, Random random)
    {
        Dictionary<int, long[]> byClass = classes.ToDictionary(
            c => c,
            c => Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).Select(i => (long)i).ToArray());
        var left = new long[count];
        var right = new long[count];
        var same = new float[count];
        int genuine = count / 2;
        for (int k = 0; k < count; k++)
        {
            if (k < genuine)
            {
                long[] pool = byClass[classes[k % classes.Length]];
                int first = random.Next(pool.Length), second;
                do
                {
                    second = random.Next(pool.Length);
                }
                while (second == first);
                (left[k], right[k], same[k]) = (pool[first], pool[second], 1f);
            }
            else
            {
                int a = random.Next(classes.Length), b;
                do
                {
                    b = random.Next(classes.Length);
                }
                while (b == a);
                long[] poolA = byClass[classes[a]], poolB = byClass[classes[b]];
                (left[k], right[k], same[k]) = (poolA[random.Next(poolA.Length)], poolB[random.Next(poolB.Length)], 0f);
            }
        }

        using Tensor leftIndex = torch.tensor(left), rightIndex = torch.tensor(right);
        using Tensor leftImages = images.index_select(0, leftIndex), rightImages = images.index_select(0, rightIndex);
        using Tensor sameColumn = torch.tensor(same).reshape(count, 1);
        return SiameseNet.Dataset(left: leftImages, right: rightImages, same: sameColumn);
    }

    /// <summary>The fraction of pairs whose distance is below 0.5 exactly when they are genuine.</summary>
    private static double VerificationAccuracy(SiameseNet model, TensorDataset pairs)
    {
        using Tensor distance = Trainer.Predict(model, pairs, SiameseNet.Columns.Distance);
        using Tensor predictedSame = distance.lt(SameThreshold);
        using Tensor actualSame = pairs.Columns[SiameseNet.Columns.Same].gt(0.5);
        using Tensor correct = predictedSame.eq(actualSame).to(float32);
        return correct.mean().item<float>();
    }

    /// <summary>
    /// N-way one-shot: per trial one random support image of each class and one query image (a different image of
    /// a random class); correct when the nearest support embedding has the query's class.
    /// </summary>
    private static double OneShotAccuracy(Tensor embeddings, long[] labels, int[] classes, int trials, Random random)
    {
        float[] flat = embeddings.contiguous().data<float>().ToArray();
        int width = (int)embeddings.shape[1];
        Dictionary<int, int[]> byClass = classes.ToDictionary(c => c, c => Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray());
        double Distance(int a, int b)
        {
            double sum = 0;
            for (int j = 0; j < width; j++)
            {
                double d = flat[(a * width) + j] - flat[(b * width) + j];
                sum += d * d;
            }

            return sum;
        }

        int correct = 0;
        for (int t = 0; t < trials; t++)
        {
            int[] support = classes.Select(c => byClass[c][random.Next(byClass[c].Length)]).ToArray();
            int truth = random.Next(classes.Length);
            int query;
            do
            {
                query = byClass[classes[truth]][random.Next(byClass[classes[truth]].Length)];
            }
            while (query == support[truth]);

            int nearest = Enumerable.Range(0, classes.Length).MinBy(i => Distance(query, support[i]));
            correct += nearest == truth ? 1 : 0;
        }

        return (double)correct / trials;
    }
}
