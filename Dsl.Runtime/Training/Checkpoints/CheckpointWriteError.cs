using System;
using System.Globalization;
using System.IO;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// Turns a failed checkpoint write (a full disk, a directory without write permission, any other I/O error) into a
/// <see cref="CheckpointException"/> that names the checkpoint directory rather than a temporary path, says that the
/// previous checkpoint is intact, and says what to free or where to write instead.
/// </summary>
internal static class CheckpointWriteError
{
    private const int EnoSpc = 28;          // Linux and macOS: no space left on device
    private const int EDQuot = 122;         // Linux: disk quota exceeded
    private const int WinDiskFull = unchecked((int)0x80070070);
    private const int WinHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>The exception to throw for <paramref name="cause"/>.</summary>
    /// <param name="cause">What the write threw.</param>
    /// <param name="epoch">The epoch whose checkpoint failed.</param>
    /// <param name="directory">The checkpoint directory.</param>
    /// <param name="previous">The folder of the previous checkpoint, or null when there is none.</param>
    /// <param name="bytesNeeded">About how many bytes a checkpoint takes (the previous one, or what was written before the failure).</param>
    public static CheckpointException Create(Exception cause, int epoch, string directory, string? previous, long bytesNeeded)
    {
        string kept = previous is null
            ? "No earlier checkpoint exists."
            : $"The previous checkpoint ({Path.GetFileName(previous)}) is intact, so a resumed run continues from it.";
        string size = bytesNeeded > 0 ? $" (a checkpoint of this run takes about {Megabytes(bytesNeeded)})" : "";
        string advice = cause switch
        {
            UnauthorizedAccessException =>
                $"The directory is not writable: grant write access to '{directory}' or set TrainingOptions.CheckpointDirectory to a writable directory.",
            IOException io when IsDiskFull(io) =>
                $"The disk is full: free space on the volume holding '{directory}'{size}, or set TrainingOptions.CheckpointDirectory to a directory on a volume with room.",
            _ =>
                $"Free space on the volume holding '{directory}'{size} or set TrainingOptions.CheckpointDirectory to a writable directory with room.",
        };

        return new CheckpointException(
            $"Could not write the checkpoint of epoch {epoch} to '{directory}': {cause.Message} {advice} {kept}",
            cause);
    }

    /// <summary>The bytes of every file under <paramref name="folder"/>; 0 when it cannot be read.</summary>
    public static long FolderBytes(string? folder)
    {
        try
        {
            long total = 0;
            if (folder is not null && Directory.Exists(folder))
            {
                foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    total += new FileInfo(file).Length;
                }
            }

            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool IsDiskFull(IOException e) =>
        e.HResult is EnoSpc or EDQuot or WinDiskFull or WinHandleDiskFull
        || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("not enough space on the disk", StringComparison.OrdinalIgnoreCase);

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString(bytes < 10 * 1024 * 1024 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MB";
}
