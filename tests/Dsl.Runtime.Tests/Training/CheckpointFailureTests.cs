using System;
using System.IO;
using System.Linq;
using System.Text;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using Dsl.Training.Checkpoints;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// Checkpoints under failure: a write that fails half-way leaves the previous checkpoint as the latest and says what
/// to free or where to write; a checkpoint damaged after it was written (one flipped bit) is refused on resume.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class CheckpointFailureTests
{
    private static TrainingOptions Options(string folder, int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Seed = 3,
        Optimizer = OptimizerSpec.Adam(),
        CheckpointDirectory = folder,
    };

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_previous_checkpoint_as_the_latest_and_says_what_to_free()
    {
        using var folder = new TempDirectory();
        var store = new CheckpointStore(folder.Path);
        store.Save(1, dir => File.WriteAllBytes(Path.Combine(dir, "model.bin"), new byte[4096]));

        var error = Assert.Throws<CheckpointException>(() => store.Save(2, dir =>
        {
            using (var partial = File.Create(Path.Combine(dir, "model.bin")))
            {
                partial.Write(new byte[1000]); // half of it, then the disk is full
            }

            throw new IOException($"No space left on device : '{Path.Combine(dir, "optimizer.bin")}'", 28);
        }));

        string first = Path.Combine(store.Directory, "epoch-0001");
        Assert.Equal(first, store.Latest());
        Assert.Equal(4096, new FileInfo(Path.Combine(first, "model.bin")).Length);
        Assert.Equal(new[] { "epoch-0001" }, Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.StartsWith($"Could not write the checkpoint of epoch 2 to '{store.Directory}': No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Contains($"The disk is full: free space on the volume holding '{store.Directory}' (a checkpoint of this run takes about 0.0 MB)", error.Message, StringComparison.Ordinal);
        Assert.Contains("set TrainingOptions.CheckpointDirectory to a directory on a volume with room", error.Message, StringComparison.Ordinal);
        Assert.Contains("The previous checkpoint (epoch-0001) is intact", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public void A_checkpoint_directory_that_cannot_be_created_is_refused_before_training_saying_where_to_write()
    {
        using var folder = new TempDirectory();
        string blocker = Path.Combine(folder.Path, "not-a-directory");
        File.WriteAllText(blocker, "a file where the checkpoint directory should be");
        string checkpoints = Path.Combine(blocker, "checkpoints");
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var model = TinyClassifier.Create(seed: 5);

        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(model, train, null, Options(checkpoints, epochs: 1)));

        // Refused when the run locks the directory, before an epoch is trained and lost.
        Assert.StartsWith($"Could not lock the checkpoint directory '{checkpoints}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("set TrainingOptions.CheckpointDirectory to a writable directory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.bin")]
    [InlineData("optimizer.bin")]
    [InlineData("trainer.json")]
    [InlineData("checksums.sha256")]
    public void One_flipped_bit_in_any_checkpoint_file_is_refused_on_resume_and_nothing_is_loaded(string file)
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1));
        }

        string path = Path.Combine(folder.Path, "version_0", "epoch-0001", file);
        FlipOneBit(path);
        using var resumed = TinyClassifier.Create(seed: 6);
        var before = Weights.Copy(resumed);

        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(resumed, train, null, Options(folder.Path, epochs: 2) with { Resume = true }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains("Delete the checkpoint folder", error.Message, StringComparison.Ordinal);
        Weights.AssertIdentical(before, resumed);
    }

    [Fact]
    public void A_checkpoint_without_checksums_is_refused_naming_the_missing_list()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        using (var model = TinyClassifier.Create(seed: 5))
        {
            Trainer.Fit(model, train, null, Options(folder.Path, epochs: 1));
        }

        File.Delete(Path.Combine(folder.Path, "version_0", "epoch-0001", "checksums.sha256"));
        using var resumed = TinyClassifier.Create(seed: 6);

        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(resumed, train, null, Options(folder.Path, epochs: 2) with { Resume = true }));

        Assert.Contains("has no checksums.sha256, so its files cannot be verified", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Flips one bit where it keeps the file well-formed, so only a checksum can tell: the lowest bit of the last
    /// byte of a binary file (a weight or moment), and of the epoch count in trainer.json (1 becomes 0).
    /// </summary>
    private static void FlipOneBit(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int at = Path.GetFileName(path) switch
        {
            "trainer.json" => Encoding.UTF8.GetString(bytes).IndexOf("\"EpochsCompleted\": 1", StringComparison.Ordinal) + "\"EpochsCompleted\": ".Length,
            "checksums.sha256" => 10,
            _ => bytes.Length - 1,
        };
        Assert.True(at > 0, $"no place to flip a bit in {path}");
        bytes[at] ^= 1;
        File.WriteAllBytes(path, bytes);
    }
}
