using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// Reads and writes the files of one checkpoint folder, and turns every way a checkpoint can be unusable
/// (truncated, corrupt, another architecture, other settings) into a <see cref="CheckpointException"/> that
/// names the file and what to do.
/// </summary>
internal static class CheckpointFiles
{
    /// <summary>What to do about an unusable checkpoint, the end of every message.</summary>
    internal const string Advice = "Delete the checkpoint folder to start over, or point TrainingOptions.CheckpointDirectory elsewhere.";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The state-dict entries of <paramref name="module"/> with their shapes.</summary>
    public static IReadOnlyList<ParameterShape> Fingerprint(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return module.state_dict().Select(e => new ParameterShape(e.Key, e.Value.shape)).ToList();
    }

    /// <summary>Writes every file of a checkpoint into <paramref name="folder"/>, each flushed to disk, and last their checksums.</summary>
    public static void Write(string folder, nn.Module model, OptimizerHelper optimizer, TrainerState state, Dictionary<string, Tensor>? bestWeights)
    {
        WriteBinary(Path.Combine(folder, CheckpointStore.ModelFile), writer => model.save(writer));
        WriteBinary(Path.Combine(folder, CheckpointStore.OptimizerFile), optimizer.save_state_dict);
        if (bestWeights is not null)
        {
            WriteBinary(Path.Combine(folder, CheckpointStore.BestModelFile), writer => nn.Module.save_state_dict(writer, bestWeights));
        }

        using (var stream = CheckpointStore.CreateFile(Path.Combine(folder, CheckpointStore.StateFile)))
        {
            JsonSerializer.Serialize(stream, state, Json);
            stream.Flush(flushToDisk: true);
        }

        CheckpointChecksums.Write(folder);
    }

    /// <summary>Reads <c>trainer.json</c> of <paramref name="folder"/>.</summary>
    public static TrainerState ReadState(string folder)
    {
        string path = Path.Combine(folder, CheckpointStore.StateFile);
        try
        {
            using var stream = File.OpenRead(path);
            var state = JsonSerializer.Deserialize<TrainerState>(stream, Json);
            if (state is null || state.History is null || state.Parameters is null || state.RngState is null)
            {
                throw new JsonException("required fields are missing");
            }

            if (state.FormatVersion is < TrainerState.OldestReadableVersion or > TrainerState.CurrentFormatVersion)
            {
                throw new CheckpointException(
                    $"Checkpoint '{path}' has format version {state.FormatVersion}; this library reads versions {TrainerState.OldestReadableVersion} to {TrainerState.CurrentFormatVersion}. {Advice}");
            }

            return state;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CheckpointException($"Checkpoint '{path}' is unreadable (truncated or corrupt: {e.Message}). {Advice}", e);
        }
    }

    /// <summary>Throws unless the checkpoint was written for this architecture and with this seed.</summary>
    public static void CheckCompatible(string folder, TrainerState state, nn.Module model, string modelName, long seed)
    {
        var expected = Fingerprint(model);
        var saved = state.Parameters.ToDictionary(p => p.Name, p => p.Shape, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in expected)
        {
            if (!saved.TryGetValue(entry.Name, out long[]? shape))
            {
                problems.Add($"'{entry.Name}' is missing from the checkpoint");
            }
            else if (!shape.SequenceEqual(entry.Shape))
            {
                problems.Add($"'{entry.Name}' has shape [{string.Join(", ", shape)}] in the checkpoint but [{string.Join(", ", entry.Shape)}] in the model");
            }
        }

        var known = expected.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(saved.Keys.Where(name => !known.Contains(name)).Select(name => $"the checkpoint has '{name}', which the model lacks"));

        if (problems.Count > 0)
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' was written for another architecture (model '{state.ModelName}', this one is '{modelName}'): " +
                $"{string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $"; and {problems.Count - 5} more" : "")}. {Advice}");
        }

        if (state.Seed != seed)
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' was written by a run with seed {state.Seed} but TrainingOptions.Seed is {seed}: " +
                "resume with the same seed so the run continues identically, or start a new run without Resume.");
        }
    }

    /// <summary>Loads <paramref name="file"/> into <paramref name="model"/>; on failure the model keeps its weights.</summary>
    public static void LoadModel(string file, nn.Module model)
    {
        using var scope = NewDisposeScope();
        var backup = model.state_dict().ToDictionary(e => e.Key, e => e.Value.detach().clone());
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
            model.load(reader, strict: true);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException($"{reader.BaseStream.Length - reader.BaseStream.Position} unexpected bytes after the weights");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            using (no_grad())
            {
                model.load_state_dict(backup, strict: true);
            }

            throw new CheckpointException($"Checkpoint file '{file}' is unreadable (truncated or corrupt: {e.Message}). {Advice}", e);
        }
    }

    /// <summary>Loads <paramref name="file"/> into <paramref name="optimizer"/> (Adam's moments, momentum buffers, step counts).</summary>
    public static void LoadOptimizer(string file, OptimizerHelper optimizer)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
            optimizer.load_state_dict(reader);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException($"{reader.BaseStream.Length - reader.BaseStream.Position} unexpected bytes after the optimizer state");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CheckpointException(
                $"Checkpoint file '{file}' is unreadable (truncated or corrupt, or written by another optimizer: {e.Message}). " +
                $"Resume with the optimizer the run started with. {Advice}",
                e);
        }
    }

    private static void WriteBinary(string path, Action<BinaryWriter> write)
    {
        using var stream = CheckpointStore.CreateFile(path);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
            writer.Flush();
        }

        stream.Flush(flushToDisk: true);
    }
}
