using System;
using System.IO;

namespace Examples.Cli;

/// <summary>
/// Checks the command line's paths and counts before any work, so a bad one is one line naming the option, the value
/// and the problem (not a bare .NET message, and not after minutes of training).
/// </summary>
internal static class CliPaths
{
    /// <summary>Throws unless <paramref name="value"/> is at least 1.</summary>
    public static void AtLeastOne(string option, long value)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{option} is {value}: it must be at least 1");
        }
    }

    /// <summary>
    /// Creates the directory <paramref name="path"/> given as <paramref name="option"/> (and its parents), or throws
    /// saying why it cannot be: it names a file, a parent is a file, or the file system refuses.
    /// </summary>
    public static void Directory(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{option} is empty: give a directory path");
        }

        string full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full) || (Path.Exists(full) && !System.IO.Directory.Exists(full)))
        {
            throw new ArgumentException($"{option} '{path}' names an existing file, but {option} is a directory: pass a directory path (created when missing)");
        }

        for (string? ancestor = Path.GetDirectoryName(full); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (System.IO.Directory.Exists(ancestor))
            {
                break;
            }

            if (Path.Exists(ancestor))
            {
                throw new ArgumentException($"{option} '{path}': '{ancestor}' is a file, not a directory, so nothing can be created under it; choose a path under a directory");
            }
        }

        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option} '{path}': the directory cannot be created ({e.Message}); choose a writable directory", e);
        }
    }

    /// <summary>
    /// Checks that <paramref name="path"/> given as <paramref name="option"/> can be written as a file: it is not a
    /// directory, and its directory exists or can be created (it is created).
    /// </summary>
    public static void File(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{option} is empty: give a file path");
        }

        string full = Path.GetFullPath(path);
        if (System.IO.Directory.Exists(full))
        {
            throw new ArgumentException($"{option} '{path}' names a directory, but {option} is the file to write: add a file name");
        }

        Directory(option, Path.GetDirectoryName(full) ?? throw new ArgumentException($"{option} '{path}' has no directory"));
    }
}
