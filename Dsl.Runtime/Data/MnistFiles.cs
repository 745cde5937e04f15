using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Dsl.Data;

/// <summary>
/// The four IDX files of an MNIST-format dataset (MNIST, Fashion-MNIST): training images and labels, test images
/// and labels. <see cref="Find(string)"/> discovers them in a directory.
/// </summary>
public sealed record MnistFiles(string TrainImages, string TrainLabels, string TestImages, string TestLabels)
{
    /// <summary>The standard file names without <c>.gz</c>, as published with MNIST and Fashion-MNIST.</summary>
    public static IReadOnlyList<string> StandardNames { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private const string NamesHelp =
        "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each raw or with .gz";

    /// <summary>
    /// Finds the four files in <paramref name="directory"/>: the standard names (<see cref="StandardNames"/>), each
    /// gzip'd (<c>.gz</c>) or raw, also with a dot before <c>idx</c> (<c>train-images.idx3-ubyte</c>) as some archives
    /// unpack them. A <c>.gz</c> file wins over a raw one of the same name.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the four files is not there (the message lists every name tried).</exception>
    public static MnistFiles Find(string directory)
    {
        return Find(directory, "the dataset", $"pass a directory holding the four IDX files ({NamesHelp})");
    }

    /// <summary>Finds the four files; <paramref name="howToGetIt"/> ends every error message.</summary>
    internal static MnistFiles Find(string directory, string dataset, string howToGetIt)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException(
                $"{dataset} was not found: the directory {full} does not exist. To get it, {howToGetIt}.");
        }

        string[] found = StandardNames.Select(name => FindOne(full, name, dataset, howToGetIt)).ToArray();
        return new MnistFiles(found[0], found[1], found[2], found[3]);
    }

    /// <summary>The files named by <see cref="StandardNames"/> plus <c>.gz</c> in <paramref name="directory"/>.</summary>
    internal static MnistFiles Standard(string directory)
    {
        string[] paths = StandardNames.Select(name => Path.Combine(directory, name + ".gz")).ToArray();
        return new MnistFiles(paths[0], paths[1], paths[2], paths[3]);
    }

    private static string FindOne(string directory, string standardName, string dataset, string howToGetIt)
    {
        // "train-images-idx3-ubyte" is also seen as "train-images.idx3-ubyte".
        int idx = standardName.LastIndexOf("-idx", StringComparison.Ordinal);
        string dotted = string.Concat(standardName.AsSpan(0, idx), ".", standardName.AsSpan(idx + 1));
        string[] candidates = [standardName + ".gz", standardName, dotted + ".gz", dotted];
        foreach (string candidate in candidates)
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"{dataset} is incomplete: the directory {directory} has no {standardName} file (looked for {string.Join(", ", candidates)}). " +
            $"To get it, {howToGetIt}.",
            Path.Combine(directory, candidates[0]));
    }
}
