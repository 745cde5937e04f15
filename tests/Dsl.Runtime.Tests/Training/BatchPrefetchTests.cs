using System;
using System.Collections.Generic;
using Dsl.Training;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary><see cref="TrainingOptions.PrefetchBatches"/> and the <see cref="BatchPrefetcher"/> behind it.</summary>
[Collection(TrainingCollection.Name)]
public sealed class BatchPrefetchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Prefetching_gives_bit_identical_weights_and_metrics(int accumulate)
    {
        using var train = SyntheticData.Blobs(90, seed: 4);
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, AccumulateGradBatches = accumulate, Seed = 3, Shuffle = true };

        using var plain = TinyClassifier.Create(seed: 8); // dropout on: the random stream must be the same too
        var expected = Trainer.Fit(plain, train, null, options);
        using var prefetched = TinyClassifier.Create(seed: 8);
        var history = Trainer.Fit(prefetched, train, null, options with { PrefetchBatches = true });

        Weights.AssertIdentical(plain, prefetched);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(expected.Epochs[i].Train.Total, history.Epochs[i].Train.Total);
            Assert.Equal(expected.Epochs[i].Train.Accuracy, history.Epochs[i].Train.Accuracy);
        }
    }

    [Fact]
    public void A_data_error_surfaces_on_the_training_thread_with_its_own_type_and_message()
    {
        var batches = Batches(4);
        using var prefetcher = new BatchPrefetcher(
            indices => indices[0] == 2 ? throw new InvalidOperationException("row 2 is unreadable") : Gather(indices, new List<Tensor>()),
            batches);

        BatchPrefetcher.Dispose(prefetcher.Take(0));
        BatchPrefetcher.Dispose(prefetcher.Take(1)); // starts gathering batch 2 on the background thread
        var error = Assert.Throws<InvalidOperationException>(() => prefetcher.Take(2));
        Assert.Equal("row 2 is unreadable", error.Message);
    }

    [Fact]
    public void Stopping_early_disposes_the_batch_gathered_ahead()
    {
        var created = new List<Tensor>();
        var batches = Batches(5);
        var prefetcher = new BatchPrefetcher(indices => Gather(indices, created), batches);
        var first = prefetcher.Take(0); // batch 1 is now in flight
        BatchPrefetcher.Dispose(first);
        prefetcher.Dispose();

        lock (created)
        {
            Assert.Equal(2, created.Count); // batch 0 and the one gathered ahead, no more
            Assert.All(created, t => Assert.True(t.IsInvalid, "a prefetched tensor was not disposed"));
        }
    }

    [Fact]
    public void Batches_come_in_order_whatever_the_background_timing()
    {
        var batches = Batches(6);
        using var prefetcher = new BatchPrefetcher(indices => Gather(indices, new List<Tensor>()), batches);
        for (int i = 0; i < batches.Count; i++)
        {
            var batch = prefetcher.Take(i);
            Assert.Equal(i, batch["i"].item<long>());
            BatchPrefetcher.Dispose(batch);
        }
    }

    private static List<long[]> Batches(int count)
    {
        var batches = new List<long[]>();
        for (int i = 0; i < count; i++)
        {
            batches.Add(new long[] { i });
        }

        return batches;
    }

    private static IReadOnlyDictionary<string, Tensor> Gather(long[] indices, List<Tensor> created)
    {
        var t = tensor(indices[0]);
        lock (created)
        {
            created.Add(t);
        }

        return new Dictionary<string, Tensor> { ["i"] = t };
    }
}
