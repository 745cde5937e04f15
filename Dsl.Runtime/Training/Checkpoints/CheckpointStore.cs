using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// The checkpoint folders of one run: <c>epoch-0003/</c> holds a complete checkpoint. A checkpoint is written
/// into a temporary folder (<c>.tmp-epoch-0003-…</c>) in the same directory, its files flushed to disk, and only
/// then renamed into place, so a crash or a failed write at any moment leaves the previous checkpoint intact and
/// never a half-written one under an <c>epoch-</c> name. Older checkpoints and stale temporary folders are removed after
/// the rename.
/// </summary>
internal sealed class CheckpointStore
{
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string StateFile = "trainer.json";
    public const string BestModelFile = "best.bin";

    private const string Prefix = "epoch-";
    private const string TempPrefix = ".tmp-";

    public CheckpointStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The checkpoint directory.</summary>
    public string Directory { get; }

    /// <summary>The folder of the latest complete checkpoint, or null when there is none.</summary>
    public string? Latest()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(Directory, Prefix + "*")
            .Select(path => (Path: path, Epoch: EpochOf(path)))
            .Where(c => c.Epoch > 0)
            .OrderByDescending(c => c.Epoch)
            .Select(c => c.Path)
            .FirstOrDefault();
    }

    /// <summary>
    /// Writes the checkpoint of <paramref name="epoch"/>: <paramref name="write"/> fills a fresh temporary folder,
    /// which then replaces every earlier checkpoint. When writing fails (a full disk, no write permission) the
    /// temporary folder is removed, the previous checkpoint stays the latest, and a <see cref="CheckpointException"/>
    /// says what to free or where to write instead.
    /// </summary>
    /// <returns>The checkpoint's folder.</returns>
    public string Save(int epoch, Action<string> write)
    {
        string name = Prefix + epoch.ToString("D4", CultureInfo.InvariantCulture);
        string final = Path.Combine(Directory, name);
        string temp = Path.Combine(Directory, TempPrefix + name + "-" + Guid.NewGuid().ToString("N"));

        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            System.IO.Directory.CreateDirectory(temp);
            write(temp);
            if (System.IO.Directory.Exists(final))
            {
                // Only after a crash between a rename and the clean-up: set the old folder aside first.
                string aside = Path.Combine(Directory, TempPrefix + "old-" + Guid.NewGuid().ToString("N"));
                System.IO.Directory.Move(final, aside);
            }

            System.IO.Directory.Move(temp, final);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string? previous = LatestOrNull();
            long size = Math.Max(CheckpointWriteError.FolderBytes(previous), CheckpointWriteError.FolderBytes(temp));
            TryDelete(temp);
            throw CheckpointWriteError.Create(e, epoch, Directory, previous, size);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        foreach (string other in System.IO.Directory.EnumerateDirectories(Directory))
        {
            string otherName = Path.GetFileName(other);
            bool stale = otherName.StartsWith(TempPrefix, StringComparison.Ordinal)
                || (otherName.StartsWith(Prefix, StringComparison.Ordinal) && EpochOf(other) > 0 && otherName != name);
            if (stale)
            {
                TryDelete(other);
            }
        }

        return final;
    }

    /// <summary><see cref="Latest"/>, or null when even listing the directory fails (while reporting another failure).</summary>
    private string? LatestOrNull()
    {
        try
        {
            return Latest();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Opens <paramref name="path"/> for writing; dispose after <see cref="FileStream.Flush(bool)"/> with true.</summary>
    public static FileStream CreateFile(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);

    /// <summary>The epoch of a checkpoint folder's name (<c>epoch-0003</c>: 3), or 0 for any other name.</summary>
    public static int EpochOf(string path)
    {
        string name = Path.GetFileName(path);
        return name.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int epoch)
            ? epoch
            : 0;
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (!System.IO.Directory.Exists(path))
            {
                return;
            }

            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next save's clean-up; a stale folder is never mistaken for a checkpoint.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
