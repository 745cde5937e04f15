using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dsl.Checks;

/// <summary>
/// Self-check verdicts kept across processes, one small JSON file per <see cref="HostKey"/> in a user cache folder
/// (<c>$XDG_CACHE_HOME/dsl</c>, else <c>~/.cache/dsl</c>), so only the first start on a CPU model with a libtorch
/// build pays for the check. A file that is missing, unreadable, corrupted or written for another key is no verdict
/// (the check runs again and rewrites it); writing is atomic (temp file + rename) and a failure to write is ignored:
/// the cache saves time, it never decides anything by itself and never stops a program.
/// </summary>
public sealed partial class KernelVerdictCache
{
    private const string Fast = "fast";
    private const string Exact = "exact";

    /// <summary>A cache in <paramref name="directory"/>.</summary>
    public KernelVerdictCache(string directory) => Directory = directory ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>The folder holding the verdict files.</summary>
    public string Directory { get; }

    /// <summary>The user's cache: <c>$XDG_CACHE_HOME/dsl</c>, else <c>~/.cache/dsl</c> (the temp folder when there is no home).</summary>
    public static KernelVerdictCache ForUser()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return new KernelVerdictCache(Path.Combine(root, "dsl"));
    }

    /// <summary>The file holding the verdict for <paramref name="key"/>.</summary>
    public string PathFor(HostKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.Combine(Directory, $"onednn-kernels-{key.Digest}.json");
    }

    /// <summary>The verdict stored for exactly <paramref name="key"/>, or null (none, unreadable, corrupted, another key).</summary>
    public KernelCheckResult? Read(HostKey key)
    {
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllText(PathFor(key)), EntryJson.Default.Entry);
            if (entry is null || entry.Key != key || entry.Detail is null)
            {
                return null;
            }

            return entry.Verdict switch
            {
                Fast => new KernelCheckResult(KernelCheckOutcome.Passed, entry.Detail),
                Exact => new KernelCheckResult(KernelCheckOutcome.Failed, entry.Detail),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Stores a passed or failed verdict for <paramref name="key"/>; an unavailable check is never stored.</summary>
    /// <returns>True when the file was written.</returns>
    public bool Write(HostKey key, KernelCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == KernelCheckOutcome.Unavailable)
        {
            return false;
        }

        string path = PathFor(key);
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var entry = new Entry(key, result.Outcome == KernelCheckOutcome.Passed ? Fast : Exact, result.Detail, DateTimeOffset.UtcNow);
            File.WriteAllText(temp, JsonSerializer.Serialize(entry, EntryJson.Default.Entry));
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return false;
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
            // Best effort: a stray temp file in a cache folder harms nothing.
        }
    }

    /// <summary>The file's content.</summary>
    private sealed record Entry(HostKey Key, string Verdict, string? Detail, DateTimeOffset CheckedAt);

    /// <summary>
    /// Source-generated JSON for <see cref="Entry"/>: the runtime reads the verdict on its own when it first trains or
    /// runs a model, and reflection-based JSON would JIT-compile the serializer at that moment (tens to hundreds of
    /// milliseconds, more than the file read).
    /// </summary>
    [JsonSerializable(typeof(Entry))]
    [JsonSourceGenerationOptions(WriteIndented = true)]
    private sealed partial class EntryJson : JsonSerializerContext
    {
    }
}
