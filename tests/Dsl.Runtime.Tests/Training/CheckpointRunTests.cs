using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// Runs under one checkpoint directory: a second run of the same program starts <c>version_1</c> beside the
/// first run's <c>version_0</c> (as PyTorch Lightning does), Resume continues the latest, and one run at a time
/// holds the directory through an operating-system lock that dies with its process.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class CheckpointRunTests
{
    private static TrainingOptions Options(string folder, int epochs = 1) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Seed = 3,
        CheckpointDirectory = folder,
    };

    [Fact]
    public void Running_the_same_program_twice_starts_a_new_run_folder_and_keeps_the_first()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        TrainingHistory first, second;
        using (var model = TinyClassifier.Create(seed: 5))
        {
            first = Trainer.Fit(model, train, null, Options(folder.Path));
        }

        byte[] firstWeights = File.ReadAllBytes(Path.Combine(folder.Path, "version_0", "epoch-0001", "model.bin"));
        using (var model = TinyClassifier.Create(seed: 5))
        {
            second = Trainer.Fit(model, train, null, Options(folder.Path, epochs: 2));
        }

        Assert.Equal(Path.Combine(folder.Path, "version_0"), first.CheckpointFolder);
        Assert.Equal(Path.Combine(folder.Path, "version_1"), second.CheckpointFolder);
        Assert.Equal(2, second.Epochs.Count);
        Assert.Equal(firstWeights, File.ReadAllBytes(Path.Combine(folder.Path, "version_0", "epoch-0001", "model.bin")));
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "version_1", "epoch-0002")));

        // Resume continues the latest run, version_1, which has trained 2 epochs.
        using var resumed = TinyClassifier.Create(seed: 6);
        var observer = new Observer();
        var third = Trainer.Fit(resumed, train, null, Options(folder.Path, epochs: 3) with { Resume = true }, observer);
        Assert.Equal(new[] { 3 }, observer.Started);
        Assert.Equal(Path.Combine(folder.Path, "version_1"), third.CheckpointFolder);
        Assert.Equal(new[] { ".lock", "version_0", "version_1" }, Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_checkpoint_written_straight_into_the_directory_by_an_earlier_version_is_resumed_where_it_is()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, Options(folder.Path));
        }

        // The layout before run folders: epoch-0001/ in the directory itself.
        Directory.Move(Path.Combine(folder.Path, "version_0", "epoch-0001"), Path.Combine(folder.Path, "epoch-0001"));
        Directory.Delete(Path.Combine(folder.Path, "version_0"));

        using var resumed = TinyClassifier.Create(seed: 6);
        var observer = new Observer();
        var history = Trainer.Fit(resumed, train, null, Options(folder.Path, epochs: 2) with { Resume = true }, observer);

        Assert.Equal(new[] { 2 }, observer.Started);
        Assert.Equal(Path.Combine(folder.Path, "epoch-0002"), observer.Checkpoints.Single().Path);
        Assert.Equal(folder.Path, history.CheckpointFolder);
    }

    [Fact]
    public void A_second_trainer_on_a_directory_in_use_is_refused_and_deletes_nothing()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        CheckpointException? refused = null;
        string[]? seenDuringRefusal = null;
        var observer = new Observer
        {
            AfterCheckpoint = (epoch, _) =>
            {
                if (epoch != 1)
                {
                    return;
                }

                using var intruder = TinyClassifier.Create(seed: 7);
                refused = Assert.Throws<CheckpointException>(() => Trainer.Fit(intruder, train, null, Options(folder.Path) with { Resume = true }));
                seenDuringRefusal = Directory.EnumerateFileSystemEntries(Path.Combine(folder.Path, "version_0")).Select(Path.GetFileName).ToArray()!;
            },
        };

        using (var model = TinyClassifier.Create(seed: 5))
        {
            var history = Trainer.Fit(model, train, null, Options(folder.Path, epochs: 2), observer);
            Assert.Equal(StopReason.Completed, history.StopReason);
        }

        Assert.NotNull(refused);
        Assert.Contains($"The checkpoint directory '{folder.Path}' is in use: another training run holds it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "epoch-0001" }, seenDuringRefusal);
        Assert.Equal(new[] { "epoch-0002" }, Directory.EnumerateFileSystemEntries(Path.Combine(folder.Path, "version_0")).Select(Path.GetFileName));

        // The run is over: its lock is released (the file stays), so the next run takes the directory.
        using var next = TinyClassifier.Create(seed: 5);
        Assert.Equal(2, Trainer.Fit(next, train, null, Options(folder.Path, epochs: 2) with { Resume = true }).Epochs.Count);
    }

    [Fact]
    public void The_lock_of_another_process_refuses_the_directory_until_that_process_is_killed()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        string lockFile = Path.Combine(folder.Path, ".lock");

        // util-linux flock takes the same kind of lock .NET takes for FileShare.None on Linux (flock, exclusive).
        // --close keeps the lock in flock's own process: without it the forked sleep inherits the locked descriptor,
        // and a kill that enumerates the tree before that fork (seen under load) leaves the lock held for 120 s.
        using var holder = Process.Start(new ProcessStartInfo("flock", new[] { "--exclusive", "--close", lockFile, "sleep", "120" }) { UseShellExecute = false })!;
        try
        {
            WaitUntilLocked(lockFile);
            using var model = TinyClassifier.Create(seed: 5);
            var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(model, train, null, Options(folder.Path)));
            Assert.Contains("is in use: another training run holds it", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        // The killed process left the file but not the lock.
        Assert.True(File.Exists(lockFile));
        using var after = TinyClassifier.Create(seed: 5);
        Assert.Single(Trainer.Fit(after, train, null, Options(folder.Path)).Epochs);
    }

    /// <summary>Waits (at most 30 s, polling) until <paramref name="path"/> is locked by the child process.</summary>
    private static void WaitUntilLocked(string path)
    {
        for (int i = 0; i < 600; i++)
        {
            try
            {
                using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (FileNotFoundException)
            {
            }
            catch (IOException)
            {
                return;
            }

            System.Threading.Thread.Sleep(50);
        }

        Assert.Fail($"flock did not lock {path} within 30 s");
    }
}
