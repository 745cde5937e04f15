using System;
using System.IO;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// Holds a checkpoint directory for one training run: the file <c>.lock</c> in it, opened with
/// <see cref="FileShare.None"/> for as long as the run lasts. On Linux and macOS .NET takes an exclusive
/// <c>flock</c> on it, on Windows a share-mode lock; both belong to the open handle, so the operating system releases
/// them when the process ends, however it ends (a <c>kill -9</c> leaves the file but no lock, and the next run takes
/// it). The file is kept after the run: deleting it could let two runs lock two different files of one name.
/// </summary>
internal sealed class CheckpointLock : IDisposable
{
    /// <summary>The lock file's name inside the checkpoint directory.</summary>
    public const string FileName = ".lock";

    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    private readonly FileStream _stream;

    private CheckpointLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Locks <paramref name="directory"/> (created when missing), or throws a <see cref="CheckpointException"/>
    /// naming it when another run, in this process or another, holds it.
    /// </summary>
    public static CheckpointLock Acquire(string directory)
    {
        string path = Path.Combine(directory, FileName);
        try
        {
            Directory.CreateDirectory(directory);
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            try
            {
                stream.SetLength(0);
                byte[] holder = System.Text.Encoding.UTF8.GetBytes(
                    FormattableString.Invariant($"process {Environment.ProcessId} on {Environment.MachineName}, since {DateTime.UtcNow:O}\n"));
                stream.Write(holder);
                stream.Flush();
            }
            catch (IOException)
            {
                // The note for people is optional; the lock is what counts.
            }

            return new CheckpointLock(stream);
        }
        catch (IOException e) when (e.HResult is SharingViolation or LockViolation || e.Message.Contains("being used by another process", StringComparison.OrdinalIgnoreCase))
        {
            throw new CheckpointException(
                $"The checkpoint directory '{directory}' is in use: another training run holds it (the lock '{path}' is taken; " +
                "it is released when that run ends, also when its process is killed). Two runs on one directory would overwrite and delete " +
                "each other's checkpoints: wait for the other run to finish, or set TrainingOptions.CheckpointDirectory to another directory.",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException(
                $"Could not lock the checkpoint directory '{directory}' ({path}): {e.Message} " +
                "Grant write access to it or set TrainingOptions.CheckpointDirectory to a writable directory.",
                e);
        }
    }

    /// <summary>Releases the lock (the file stays).</summary>
    public void Dispose() => _stream.Dispose();
}
