using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// The runs under one <see cref="TrainingOptions.CheckpointDirectory"/>, as PyTorch Lightning keeps them: every
/// fresh run writes its checkpoints into a folder of its own, <c>version_0</c>, <c>version_1</c>, ... (the next
/// number after the highest there), so running a program again never throws and never overwrites an earlier run;
/// <see cref="TrainingOptions.Resume"/> continues the latest run that holds a checkpoint. Checkpoints written
/// straight into the directory by earlier versions of this library (<c>epoch-0003/</c> beside no
/// <c>version_</c> folder) are resumed where they are.
/// </summary>
internal sealed class CheckpointRuns
{
    /// <summary>The prefix of a run folder.</summary>
    public const string Prefix = "version_";

    public CheckpointRuns(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The checkpoint directory (the root of the runs).</summary>
    public string Directory { get; }

    /// <summary>The store of the latest run holding a complete checkpoint, or null when no run has one.</summary>
    public CheckpointStore? LatestWithCheckpoint()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return null;
        }

        foreach (var (path, _) in Versions().OrderByDescending(v => v.Number))
        {
            var store = new CheckpointStore(path);
            if (store.Latest() is not null)
            {
                return store;
            }
        }

        var legacy = new CheckpointStore(Directory);
        return legacy.Latest() is null ? null : legacy;
    }

    /// <summary>The store of a new run: the folder after the highest existing <c>version_N</c> (created by its first checkpoint).</summary>
    public CheckpointStore NewRun()
    {
        int next = System.IO.Directory.Exists(Directory) ? Versions().Select(v => v.Number + 1).DefaultIfEmpty(0).Max() : 0;
        return new CheckpointStore(Path.Combine(Directory, Prefix + next.ToString(CultureInfo.InvariantCulture)));
    }

    private (string Path, int Number)[] Versions() =>
        System.IO.Directory.EnumerateDirectories(Directory, Prefix + "*")
            .Select(path => (Path: path, Number: NumberOf(Path.GetFileName(path))))
            .Where(v => v.Number >= 0)
            .ToArray();

    private static int NumberOf(string name) =>
        int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : -1;
}
