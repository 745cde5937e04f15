using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// Checks a checkpoint's <c>trainer.json</c> against itself and against the options of the run that resumes it,
/// before anything is loaded and before any libtorch call that could abort the process: an epoch count that no run
/// can have written, options a resumed run must keep (batch size, shuffling, training set size, gradient clipping, gradient
/// accumulation, optimizer), fewer epochs than already trained, and a random-generator state libtorch would reject (it rejects
/// by aborting the process, which no <c>catch</c> can stop).
/// </summary>
internal static class CheckpointValidation
{
    /// <summary>libtorch's mt19937 state size: the words of <c>state</c> in <c>CPUGeneratorImplStateLegacy</c>.</summary>
    private const int MersenneStateWords = 624;

    /// <summary>
    /// Throws a <see cref="CheckpointException"/> naming every inconsistency of <paramref name="state"/>, read from
    /// the checkpoint <paramref name="folder"/> whose name ends in its epoch (<c>epoch-0003</c>).
    /// </summary>
    public static void CheckConsistent(string folder, TrainerState state, int folderEpoch)
    {
        var problems = new List<string>();
        if (state.EpochsCompleted < 1)
        {
            problems.Add($"EpochsCompleted is {state.EpochsCompleted}; a checkpoint is written after an epoch, so it is at least 1");
        }

        if (folderEpoch > 0 && state.EpochsCompleted != folderEpoch)
        {
            problems.Add($"EpochsCompleted is {state.EpochsCompleted} but the folder is the checkpoint of epoch {folderEpoch}");
        }

        if (state.History.Count != state.EpochsCompleted)
        {
            problems.Add($"EpochsCompleted is {state.EpochsCompleted} but History holds {state.History.Count} epochs");
        }
        else
        {
            for (int i = 0; i < state.History.Count; i++)
            {
                if (state.History[i] is null || state.History[i].Epoch != i + 1)
                {
                    problems.Add($"History entry {i + 1} is {(state.History[i] is null ? "null" : $"epoch {state.History[i].Epoch}")}, expected epoch {i + 1}");
                    break;
                }
            }
        }

        if (state.BestEpoch < 0 || state.BestEpoch > state.EpochsCompleted)
        {
            problems.Add($"BestEpoch is {state.BestEpoch}, expected 0 to {state.EpochsCompleted}");
        }

        if (state.EpochsWithoutImprovement < 0 || state.EpochsWithoutImprovement > state.EpochsCompleted)
        {
            problems.Add($"EpochsWithoutImprovement is {state.EpochsWithoutImprovement}, expected 0 to {state.EpochsCompleted}");
        }

        if (state.SchedulerSteps < 0)
        {
            problems.Add($"SchedulerSteps is {state.SchedulerSteps}, expected 0 or more");
        }

        if (problems.Count > 0)
        {
            throw new CheckpointException(
                $"Checkpoint '{Path.Combine(folder, CheckpointStore.StateFile)}' is inconsistent (edited, or written by another program): {string.Join("; ", problems)}. " +
                $"Nothing was resumed. {CheckpointFiles.Advice}");
        }
    }

    /// <summary>
    /// Throws a <see cref="CheckpointException"/> naming every option of <paramref name="options"/> that differs from
    /// the run that wrote <paramref name="state"/>, and when the checkpoint already trained more epochs than asked for.
    /// </summary>
    public static void CheckOptions(string folder, TrainerState state, TrainingOptions options, long trainSamples)
    {
        var differences = new List<string>();
        if (state.BatchSize is int batchSize && batchSize != options.BatchSize)
        {
            differences.Add($"BatchSize was {batchSize}, now {options.BatchSize}");
        }

        if (state.Shuffle is bool shuffle && shuffle != options.Shuffle)
        {
            differences.Add($"Shuffle was {(shuffle ? "true" : "false")}, now {(options.Shuffle ? "true" : "false")}");
        }

        if (state.TrainSamples is long samples && samples != trainSamples)
        {
            differences.Add($"the training dataset had {samples} samples, now {trainSamples}");
        }

        double clip = options.GradientClipNorm ?? 0;
        if (state.GradientClipNorm is double savedClip && !savedClip.Equals(clip))
        {
            differences.Add($"GradientClipNorm was {Describe(savedClip)}, now {Describe(clip)}");
        }

        // A checkpoint without the field predates the option: it trained with a step per batch.
        int accumulate = state.AccumulateGradBatches ?? 1;
        if (accumulate != options.AccumulateGradBatches)
        {
            differences.Add($"AccumulateGradBatches was {accumulate}, now {options.AccumulateGradBatches}");
        }

        string optimizer = options.Optimizer.ToString();
        if (!string.Equals(state.Optimizer, optimizer, StringComparison.Ordinal))
        {
            differences.Add($"Optimizer was {state.Optimizer}, now {optimizer}");
        }

        if (differences.Count > 0)
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' was written by a run with other options: {string.Join("; ", differences)}. " +
                "A resumed run continues the same run, so these must match: resume with the options the run started with, " +
                "or set TrainingOptions.Resume = false to start a new run (it gets a folder of its own beside this one).");
        }

        if (state.EpochsCompleted > options.Epochs)
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' has already trained {state.EpochsCompleted} epochs, more than TrainingOptions.Epochs = {options.Epochs}: " +
                $"set Epochs to {state.EpochsCompleted} or more to continue this run (exactly {state.EpochsCompleted} returns its history without training), " +
                "or set Resume = false to start a new run.");
        }
    }

    /// <summary>
    /// Decodes the checkpoint's random-generator state and checks it is one <c>torch.random.set_rng_state</c> accepts
    /// in this process: the length of this libtorch's CPU generator state, and, where this libtorch uses the layout of
    /// <c>CPUGeneratorImplState</c> (checked on its own state), the Mersenne-Twister fields libtorch validates.
    /// </summary>
    public static byte[] DecodeRngState(string folder, TrainerState state)
    {
        string file = Path.Combine(folder, CheckpointStore.StateFile);
        byte[] saved;
        try
        {
            saved = Convert.FromBase64String(state.RngState);
        }
        catch (FormatException e)
        {
            throw new CheckpointException($"Checkpoint '{file}' has a corrupt random-generator state (RngState is not base64). {CheckpointFiles.Advice}", e);
        }

        byte[] current = CurrentRngState();
        if (saved.Length != current.Length)
        {
            throw new CheckpointException(
                $"Checkpoint '{file}' has a random-generator state of {saved.Length} bytes, but this libtorch's CPU generator state has {current.Length} bytes: " +
                "the file was edited, or written by a libtorch with another generator layout, and cannot be restored (libtorch would abort the process). " +
                $"Nothing was resumed. {CheckpointFiles.Advice}");
        }

        if (Mt19937Problem(current) is null && Mt19937Problem(saved) is string problem)
        {
            throw new CheckpointException(
                $"Checkpoint '{file}' has an invalid random-generator state ({problem}); libtorch would abort the process restoring it. " +
                $"Nothing was resumed. {CheckpointFiles.Advice}");
        }

        return saved;
    }

    /// <summary>This process's CPU generator state.</summary>
    private static byte[] CurrentRngState()
    {
        using var state = random.get_rng_state();
        return state.data<byte>().ToArray();
    }

    /// <summary>
    /// What libtorch's <c>mt19937::is_valid</c> would reject in a <c>CPUGeneratorImplState</c> (seed uint64, left int32,
    /// seeded int32, next uint64, then the state words), or null when it would accept it.
    /// </summary>
    private static string? Mt19937Problem(byte[] state)
    {
        if (state.Length < 24 + 8 * MersenneStateWords)
        {
            return "too short for a Mersenne-Twister state";
        }

        int left = BinaryPrimitives.ReadInt32LittleEndian(state.AsSpan(8));
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(state.AsSpan(12));
        ulong next = BinaryPrimitives.ReadUInt64LittleEndian(state.AsSpan(16));
        if (seeded == 0)
        {
            return "it is marked unseeded";
        }

        if (left is <= 0 or > MersenneStateWords)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'left' is {left}, expected 1 to {MersenneStateWords}");
        }

        if (next > MersenneStateWords)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'next' is {next}, expected 0 to {MersenneStateWords}");
        }

        return null;
    }

    private static string Describe(double clip) => clip > 0 ? clip.ToString("R", CultureInfo.InvariantCulture) : "none";
}
