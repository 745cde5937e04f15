using System.Threading;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;

namespace Dsl.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class ResumeTests
{
    public static TheoryData<string, int, int> Interruptions() => new()
    {
        // optimizer, epoch, batch after which to cancel (-1: after the epoch's checkpoint)
        { "adam", 1, -1 },
        { "sgd-nesterov", 1, -1 },
        { "adam", 2, 3 },
        { "sgd-nesterov", 2, 3 },
    };

    [Theory]
    [MemberData(nameof(Interruptions))]
    public void A_resumed_run_ends_with_exactly_the_weights_of_an_uninterrupted_run(string optimizer, int cancelEpoch, int cancelBatch)
    {
        using var train = SyntheticData.Blobs(300, seed: 1);
        using var validation = SyntheticData.Blobs(100, seed: 2);
        using var folder = new TempDirectory();
        var options = new TrainingOptions
        {
            Epochs = 3,
            BatchSize = 32,
            Seed = 11,
            Optimizer = optimizer == "adam" ? OptimizerSpec.Adam(lr: 0.01) : OptimizerSpec.Sgd(lr: 0.05, momentum: 0.9, nesterov: true),
        };

        using var uninterrupted = TinyClassifier.Create(seed: 5);
        var expected = Trainer.Fit(uninterrupted, train, validation, options);

        using var cancellation = new CancellationTokenSource();
        var stopper = new Observer
        {
            AfterCheckpoint = (epoch, _) => { if (cancelBatch < 0 && epoch == cancelEpoch) cancellation.Cancel(); },
            AfterBatch = b => { if (b.Epoch == cancelEpoch && b.Batch == cancelBatch) cancellation.Cancel(); },
        };
        using (var interrupted = TinyClassifier.Create(seed: 5))
        {
            var partial = Trainer.Fit(interrupted, train, validation, options with { CheckpointDirectory = folder.Path }, stopper, cancellation.Token);
            Assert.Equal(StopReason.Cancelled, partial.StopReason);
            Assert.Single(partial.Epochs);
        }

        // Different initial weights: everything must come from the checkpoint.
        using var resumed = TinyClassifier.Create(seed: 99);
        var observer = new Observer();
        var history = Trainer.Fit(resumed, train, validation, options with { CheckpointDirectory = folder.Path, Resume = true }, observer);

        Assert.Equal(new[] { 2, 3 }, observer.Started);
        Assert.Equal(StopReason.Completed, history.StopReason);
        Weights.AssertIdentical(uninterrupted, resumed);
        Assert.Equal(3, history.Epochs.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected.Epochs[i].Train, history.Epochs[i].Train, new MetricsComparer());
            Assert.Equal(expected.Epochs[i].Validation, history.Epochs[i].Validation, new MetricsComparer());
        }
    }

    [Fact]
    public void Resuming_a_finished_run_trains_no_further()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        var options = new TrainingOptions { Epochs = 2, BatchSize = 32, Seed = 1, CheckpointDirectory = folder.Path };
        using var model = TinyClassifier.Create(seed: 5);
        Trainer.Fit(model, train, null, options);

        using var again = TinyClassifier.Create(seed: 6);
        var observer = new Observer();
        var history = Trainer.Fit(again, train, null, options with { Resume = true }, observer);

        Assert.Empty(observer.Started);
        Assert.Equal(2, history.Epochs.Count);
        Weights.AssertIdentical(model, again);
    }

    /// <summary>Metrics equal to the bit (the dictionaries compared by content).</summary>
    private sealed class MetricsComparer : System.Collections.Generic.IEqualityComparer<EvaluationMetrics?>
    {
        public bool Equals(EvaluationMetrics? x, EvaluationMetrics? y) =>
            x is null || y is null
                ? x is null && y is null
                : x.Total.Equals(y.Total) && x.Samples == y.Samples
                    && System.Linq.Enumerable.SequenceEqual(x.Losses, y.Losses)
                    && System.Linq.Enumerable.SequenceEqual(x.Accuracy, y.Accuracy);

        public int GetHashCode(EvaluationMetrics? obj) => 0;
    }
}
