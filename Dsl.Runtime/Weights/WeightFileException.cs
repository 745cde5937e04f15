using System.IO;

namespace Dsl.Weights;

/// <summary>
/// A weight file that cannot be read: truncated, corrupt, or not in the format its extension says. The message
/// names the file and what is wrong with it.
/// </summary>
public sealed class WeightFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/> with a description of the problem.</summary>
    public WeightFileException(string path, string problem)
        : base($"{path}: {problem}")
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>Creates the exception for <paramref name="path"/>, keeping the lower-level cause.</summary>
    public WeightFileException(string path, string problem, System.Exception inner)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with the file, without its path.</summary>
    public string Problem { get; }
}
