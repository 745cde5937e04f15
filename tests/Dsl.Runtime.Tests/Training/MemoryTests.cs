using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using TorchSharp;

namespace Dsl.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class MemoryTests
{
    [Fact]
    public void Live_tensors_stay_flat_over_many_steps_with_validation_and_checkpoints()
    {
        using var train = SyntheticData.Blobs(256, seed: 1);
        using var validation = SyntheticData.Blobs(64, seed: 2);
        using var folder = new TempDirectory();
        using var model = TinyClassifier.Create(seed: 3);

        // Warm-up: the first epoch creates Adam's moments and the best-weights copy (4 tensors each); after that,
        // every tensor a step, a validation or a checkpoint creates must be disposed again.
        long liveAfterWarmUp = -1, createdAfterWarmUp = 0, liveAtEnd = -1, createdAtEnd = 0;
        var observer = new Observer
        {
            AfterBatch = b =>
            {
                var statistics = DisposeScopeManager.Statistics;
                if (b.Epoch == 2 && b.Batch == b.BatchesPerEpoch - 1)
                {
                    (liveAfterWarmUp, createdAfterWarmUp) = (statistics.ThreadTotalLiveCount, statistics.CreatedInScopeCount);
                }

                (liveAtEnd, createdAtEnd) = (statistics.ThreadTotalLiveCount, statistics.CreatedInScopeCount);
            },
        };

        Trainer.Fit(model, train, validation, new TrainingOptions
        {
            Epochs = 6,
            BatchSize = 16,
            Seed = 1,
            Optimizer = OptimizerSpec.Adam(),
            EarlyStopping = new EarlyStopping(Patience: 100),
            CheckpointDirectory = folder.Path,
            GradientClipNorm = 1.0,
        }, observer);

        Assert.True(createdAtEnd - createdAfterWarmUp > 4 * 16 * 10, "the steps after warm-up created tensors (the count is meaningful)");
        Assert.Equal(liveAfterWarmUp, liveAtEnd);
    }
}
