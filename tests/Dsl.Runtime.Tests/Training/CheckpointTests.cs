using System;
using System.IO;
using System.Linq;
using System.Threading;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;

namespace Dsl.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class CheckpointTests
{
    private static TrainingOptions Options(string folder, int epochs = 3) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Seed = 3,
        CheckpointDirectory = folder,
    };

    [Fact]
    public void Every_epoch_replaces_the_checkpoint_and_leaves_no_temporary_files()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using var model = TinyClassifier.Create(seed: 5);
        var seenAfterEach = new System.Collections.Generic.List<string[]>();
        string run = Path.Combine(folder.Path, "version_0");
        var observer = new Observer { AfterCheckpoint = (_, _) => seenAfterEach.Add(Entries(run)) };

        var history = Trainer.Fit(model, train, null, Options(folder.Path), observer);

        Assert.Equal(new[] { 1, 2, 3 }, observer.Checkpoints.Select(c => c.Epoch));
        Assert.Equal(run, history.CheckpointFolder);
        Assert.Equal(Path.Combine(run, "epoch-0003"), observer.Checkpoints[^1].Path);
        Assert.All(seenAfterEach, entries => Assert.Single(entries));
        Assert.Equal(new[] { "epoch-0003" }, Entries(run));
        Assert.Equal(new[] { ".lock", "version_0" }, Entries(folder.Path));
        Assert.Equal(
            new[] { "checksums.sha256", "model.bin", "optimizer.bin", "trainer.json" },
            Directory.GetFiles(Path.Combine(run, "epoch-0003")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_temporary_folder_left_by_a_crash_is_ignored_on_resume_and_cleaned_up()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1));
        }

        string crashed = Path.Combine(folder.Path, "version_0", ".tmp-epoch-0002-0123456789abcdef");
        Directory.CreateDirectory(crashed);
        File.WriteAllBytes(Path.Combine(crashed, "model.bin"), new byte[] { 1, 2, 3 });

        using var resumed = TinyClassifier.Create(seed: 6);
        var observer = new Observer();
        Trainer.Fit(resumed, train, null, Options(folder.Path) with { Resume = true }, observer);

        Assert.Equal(new[] { 2, 3 }, observer.Started);
        Assert.Equal(new[] { "epoch-0003" }, Entries(Path.Combine(folder.Path, "version_0")));
    }

    [Fact]
    public void A_truncated_weights_file_gives_a_clear_error_and_leaves_the_model_untouched()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1));
        }

        string weights = Path.Combine(folder.Path, "version_0", "epoch-0001", "model.bin");
        Truncate(weights);
        using var resumed = TinyClassifier.Create(seed: 6);
        var before = Weights.Copy(resumed);

        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(resumed, train, null, Options(folder.Path) with { Resume = true }));

        Assert.Contains(weights, error.Message);
        Assert.Contains("truncated or corrupt", error.Message);
        Assert.Contains("Delete the checkpoint folder", error.Message);
        Weights.AssertIdentical(before, resumed);
    }

    [Theory]
    [InlineData("trainer.json")]
    [InlineData("optimizer.bin")]
    public void A_truncated_state_file_gives_a_clear_error(string file)
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1) with { Optimizer = OptimizerSpec.Adam() });
        }

        string path = Path.Combine(folder.Path, "version_0", "epoch-0001", file);
        Truncate(path);
        using var resumed = TinyClassifier.Create(seed: 6);

        var error = Assert.Throws<CheckpointException>(() =>
            Trainer.Fit(resumed, train, null, Options(folder.Path) with { Optimizer = OptimizerSpec.Adam(), Resume = true }));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated or corrupt", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_names_the_parameters_that_differ()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5, hidden: 16))
        {
            Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1));
        }

        using var smaller = TinyClassifier.Create(seed: 5, hidden: 8);
        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(smaller, train, null, Options(folder.Path) with { Resume = true }));

        Assert.Contains("another architecture", error.Message);
        Assert.Contains("'fc1.weight' has shape [16, 2] in the checkpoint but [8, 2] in the model", error.Message);
    }

    [Fact]
    public void Resuming_with_another_seed_is_refused()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using var model = TinyClassifier.Create(seed: 5);
        Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1));

        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(model, train, null, Options(folder.Path) with { Resume = true, Seed = 4 }));

        Assert.Contains("seed 3", error.Message);
    }

    [Fact]
    public void Resume_without_a_checkpoint_starts_fresh()
    {
        using var train = SyntheticData.Blobs(100, seed: 1);
        using var folder = new TempDirectory();
        using var model = TinyClassifier.Create(seed: 5);

        var history = Trainer.Fit(model, train, null, Options(folder.Path, epochs: 2) with { Resume = true }, null, CancellationToken.None);

        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(new[] { "epoch-0002" }, Entries(Path.Combine(folder.Path, "version_0")));
    }

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order().ToArray()!;

    private static void Truncate(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
    }
}
