using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Dsl.Runtime.Tests.NativeCompat;
using Dsl.Training;
using Dsl.Training.Checkpoints;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

/// <summary>
/// A checkpoint is checked before anything is loaded: an edited or foreign <c>trainer.json</c> (random-generator
/// state, epoch count) and a resume with options the run did not have are refused, saying what was expected and
/// found, and the model keeps its weights.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class ResumeValidationTests
{
    private static TrainingOptions Options(string folder, int epochs = 2) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        Seed = 3,
        CheckpointDirectory = folder,
    };

    /// <summary>Trains one epoch into <paramref name="folder"/> and returns the checkpoint's folder.</summary>
    private static string TrainOneEpoch(string folder, Dsl.Data.TensorDataset train, TrainingOptions? options = null)
    {
        using var model = TinyClassifier.Create(seed: 5);
        Trainer.Fit(model, train, null, options ?? Options(folder, epochs: 1));
        return Path.Combine(folder, "version_0", "epoch-0001");
    }

    /// <summary>Edits trainer.json as a person (or another program) would, and rewrites the checksums to match.</summary>
    private static void EditState(string checkpoint, Action<JsonObject> edit)
    {
        string path = Path.Combine(checkpoint, "trainer.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        File.Delete(Path.Combine(checkpoint, CheckpointChecksums.FileName));
        CheckpointChecksums.Write(checkpoint);
    }

    private static CheckpointException RefusedResume(string folder, Dsl.Data.TensorDataset train, TrainingOptions options)
    {
        using var resumed = TinyClassifier.Create(seed: 6);
        var before = Weights.Copy(resumed);
        var error = Assert.Throws<CheckpointException>(() => Trainer.Fit(resumed, train, null, options with { Resume = true }));
        Weights.AssertIdentical(before, resumed);
        return error;
    }

    [Fact]
    public void A_random_generator_state_of_another_length_is_refused_instead_of_aborting_the_process()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        string checkpoint = TrainOneEpoch(folder.Path, train);
        long expected;
        using (var state = random.get_rng_state())
        {
            expected = state.shape[0];
        }

        // A libtorch with another generator layout, or an edit: 8 bytes fewer.
        EditState(checkpoint, json =>
        {
            byte[] rng = Convert.FromBase64String((string)json["RngState"]!);
            json["RngState"] = Convert.ToBase64String(rng.AsSpan(0, rng.Length - 8).ToArray());
        });

        var error = RefusedResume(folder.Path, train, Options(folder.Path));

        Assert.Contains(Path.Combine(checkpoint, "trainer.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains($"a random-generator state of {expected - 8} bytes, but this libtorch's CPU generator state has {expected} bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 0, "'left' is 0, expected 1 to 624")]
    [InlineData(12, 0, "it is marked unseeded")]
    [InlineData(16, 100_000, "'next' is 100000, expected 0 to 624")]
    public void A_random_generator_state_libtorch_would_reject_is_refused(int offset, int value, string problem)
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        string checkpoint = TrainOneEpoch(folder.Path, train);
        EditState(checkpoint, json =>
        {
            byte[] rng = Convert.FromBase64String((string)json["RngState"]!);
            BinaryPrimitives.WriteInt32LittleEndian(rng.AsSpan(offset), value);
            json["RngState"] = Convert.ToBase64String(rng);
        });

        var error = RefusedResume(folder.Path, train, Options(folder.Path));

        Assert.Contains($"invalid random-generator state ({problem})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "EpochsCompleted is 5 but the folder is the checkpoint of epoch 1")]
    [InlineData(0, "EpochsCompleted is 0; a checkpoint is written after an epoch, so it is at least 1")]
    public void An_impossible_epoch_count_is_refused(int epochs, string problem)
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        string checkpoint = TrainOneEpoch(folder.Path, train);
        EditState(checkpoint, json => json["EpochsCompleted"] = epochs);

        var error = RefusedResume(folder.Path, train, Options(folder.Path, epochs: 8));

        Assert.Contains("is inconsistent (edited, or written by another program)", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"but History holds 1 epochs", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ChangedOptions() => new()
    {
        { "batch", "BatchSize was 32, now 16" },
        { "shuffle", "Shuffle was true, now false" },
        { "clip", "GradientClipNorm was none, now 1" },
        { "optimizer", "Optimizer was Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1E-07), now Sgd(lr=0.01, momentum=0)" },
        { "data", "the training dataset had 64 samples, now 48" },
    };

    [Theory]
    [MemberData(nameof(ChangedOptions))]
    public void Resuming_with_an_option_the_run_did_not_have_is_refused_naming_it(string change, string difference)
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var fewer = SyntheticData.Blobs(48, seed: 1);
        using var folder = new TempDirectory();
        TrainOneEpoch(folder.Path, train);
        var options = Options(folder.Path);
        options = change switch
        {
            "batch" => options with { BatchSize = 16 },
            "shuffle" => options with { Shuffle = false },
            "clip" => options with { GradientClipNorm = 1 },
            "optimizer" => options with { Optimizer = OptimizerSpec.Sgd() },
            _ => options,
        };

        var error = RefusedResume(folder.Path, change == "data" ? fewer : train, options);

        Assert.Contains("was written by a run with other options", error.Message, StringComparison.Ordinal);
        Assert.Contains(difference, error.Message, StringComparison.Ordinal);
        Assert.Contains("Resume = false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_with_fewer_epochs_than_already_trained_says_so()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        TrainOneEpoch(folder.Path, train, Options(folder.Path, epochs: 3));

        var error = RefusedResume(folder.Path, train, Options(folder.Path, epochs: 2));

        Assert.Contains("has already trained 3 epochs, more than TrainingOptions.Epochs = 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("set Epochs to 3 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_3_checkpoint_without_the_recorded_options_still_resumes()
    {
        using var train = SyntheticData.Blobs(64, seed: 1);
        using var folder = new TempDirectory();
        string checkpoint = TrainOneEpoch(folder.Path, train);
        EditState(checkpoint, json =>
        {
            json["FormatVersion"] = 3;
            foreach (string added in new[] { "BatchSize", "Shuffle", "TrainSamples", "GradientClipNorm" })
            {
                Assert.True(json.Remove(added), $"trainer.json has no {added}");
            }
        });

        using var resumed = TinyClassifier.Create(seed: 6);
        var observer = new Observer();
        var history = Trainer.Fit(resumed, train, null, Options(folder.Path) with { Resume = true }, observer);

        Assert.Equal(new[] { 2 }, observer.Started);
        Assert.Equal(2, history.Epochs.Count);
    }
}
