using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Dsl.Training.Checkpoints;

/// <summary>
/// The SHA-256 of every file of a checkpoint, in <c>checksums.sha256</c> (the format <c>sha256sum -c</c> reads:
/// <c>&lt;hex&gt;  &lt;file&gt;</c> a line), written last and verified before a resume reads anything. A flipped
/// bit, a cut-off copy or an edit of any file, the list itself included, is a <see cref="CheckpointException"/>
/// naming the file, so a damaged checkpoint is never resumed silently. Hashing costs about as much as reading the
/// files once more, a few milliseconds per megabyte.
/// </summary>
internal static class CheckpointChecksums
{
    /// <summary>The name of the checksum list inside a checkpoint folder.</summary>
    public const string FileName = "checksums.sha256";

    /// <summary>Writes the checksum list of every other file in <paramref name="folder"/>, flushed to disk.</summary>
    public static void Write(string folder)
    {
        var text = new StringBuilder();
        foreach (string file in Files(folder))
        {
            text.Append(Hash(file)).Append("  ").Append(Path.GetFileName(file)).Append('\n');
        }

        using var stream = CheckpointStore.CreateFile(Path.Combine(folder, FileName));
        stream.Write(Encoding.ASCII.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Throws a <see cref="CheckpointException"/> unless every file of <paramref name="folder"/> has the checksum it was written with.</summary>
    public static void Verify(string folder)
    {
        string listPath = Path.Combine(folder, FileName);
        if (!File.Exists(listPath))
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' has no {FileName}, so its files cannot be verified (it was written by an older version of this library, or damaged). {CheckpointFiles.Advice}");
        }

        var expected = Read(listPath);
        foreach (string file in Files(folder))
        {
            string name = Path.GetFileName(file);
            if (!expected.Remove(name, out string? recorded))
            {
                throw new CheckpointException($"Checkpoint '{folder}' holds '{name}', which {FileName} does not list; the checkpoint was altered. {CheckpointFiles.Advice}");
            }

            string actual = Hash(file);
            if (actual != recorded)
            {
                throw new CheckpointException(
                    $"Checkpoint file '{file}' does not match the checksum '{listPath}' recorded when it was written (SHA-256 {actual}, recorded {recorded}): " +
                    $"one of the two is truncated or corrupt (a flipped bit, a cut-off copy or an edit); nothing was resumed. {CheckpointFiles.Advice}");
            }
        }

        if (expected.Count > 0)
        {
            throw new CheckpointException(
                $"Checkpoint '{folder}' lacks {string.Join(", ", expected.Keys.Order(StringComparer.Ordinal))}, which {FileName} lists; the checkpoint is incomplete. {CheckpointFiles.Advice}");
        }
    }

    private static Dictionary<string, string> Read(string listPath)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(listPath, Encoding.ASCII);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Checkpoint file '{listPath}' is unreadable: {e.Message} {CheckpointFiles.Advice}", e);
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            bool valid = line.Length > 66 && line[64] == ' ' && line[65] == ' '
                && line.AsSpan(0, 64).IndexOfAnyExcept("0123456789abcdef") < 0;
            if (!valid || !entries.TryAdd(line[66..], line[..64]))
            {
                throw new CheckpointException(
                    $"Checkpoint file '{listPath}' is truncated or corrupt: line {(i + 1).ToString(CultureInfo.InvariantCulture)} is not '<64 hex digits>  <file name>' naming a file once. {CheckpointFiles.Advice}");
            }
        }

        return entries;
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(file => Path.GetFileName(file) != FileName)
            .Order(StringComparer.Ordinal);

    private static string Hash(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
