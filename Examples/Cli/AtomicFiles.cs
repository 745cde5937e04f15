using System;
using System.IO;

namespace Examples.Cli;

/// <summary>
/// Writes result files so that a reader sees the previous complete file or the new complete one, never a cut-off
/// one: the content goes to a temporary file in the same directory, is flushed to disk, and then replaces the target
/// in one rename. A failure (a full disk, no permission) removes the temporary file and names the target.
/// </summary>
public static class AtomicFiles
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> through a temporary file and a rename.</summary>
    /// <exception cref="IOException">The file could not be written; the message names it, and the previous file is unchanged.</exception>
    public static void Write(string path, byte[] content)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException($"could not write '{fullPath}' ({e.Message}); the previous file, if any, is unchanged. Free disk space or choose another --out directory.", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the name starts with a dot and ends in .tmp, and no reader takes it for a result.
        }
    }
}
