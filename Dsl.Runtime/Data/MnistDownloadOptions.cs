using System;
using System.Collections.Generic;
using System.IO;

namespace Dsl.Data;

/// <summary>
/// Where to download an MNIST-format dataset from, which files with which SHA-256, and where to cache them. The
/// defaults fetch the original MNIST from the mirror PyTorch uses, with the published SHA-256 of each file.
/// </summary>
public sealed record MnistDownloadOptions
{
    /// <summary>The default base URL: a public mirror of the original MNIST files.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://ossci-datasets.s3.amazonaws.com/mnist/");

    /// <summary>
    /// The default cache: <c>$XDG_CACHE_HOME/dsl/mnist</c> or <c>~/.cache/dsl/mnist</c> on Linux and macOS,
    /// <c>%LOCALAPPDATA%\dsl\cache\mnist</c> on Windows.
    /// </summary>
    public static string DefaultCacheDirectory { get; } = ComputeDefaultCacheDirectory();

    /// <summary>The original MNIST training images (9,912,422 bytes).</summary>
    public static RemoteFile MnistTrainImages { get; } =
        new("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422);

    /// <summary>The original MNIST training labels (28,881 bytes).</summary>
    public static RemoteFile MnistTrainLabels { get; } =
        new("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881);

    /// <summary>The original MNIST test images (1,648,877 bytes).</summary>
    public static RemoteFile MnistTestImages { get; } =
        new("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877);

    /// <summary>The original MNIST test labels (4,542 bytes).</summary>
    public static RemoteFile MnistTestLabels { get; } =
        new("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542);

    /// <summary>The base URL the file names are appended to (a missing trailing slash is added).</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The directory downloaded files are kept in; created when missing.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory;

    /// <summary>The training images file.</summary>
    public RemoteFile TrainImages { get; init; } = MnistTrainImages;

    /// <summary>The training labels file.</summary>
    public RemoteFile TrainLabels { get; init; } = MnistTrainLabels;

    /// <summary>The test images file.</summary>
    public RemoteFile TestImages { get; init; } = MnistTestImages;

    /// <summary>The test labels file.</summary>
    public RemoteFile TestLabels { get; init; } = MnistTestLabels;

    /// <summary>The longest one file's transfer (request and body) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The dataset's name, for descriptions and messages.</summary>
    public string DatasetName { get; init; } = "MNIST";

    /// <summary>The class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = global::Dsl.Data.ClassNames.Digits;

    /// <summary>The four files in the order train images, train labels, test images, test labels.</summary>
    public IReadOnlyList<RemoteFile> Files => [TrainImages, TrainLabels, TestImages, TestLabels];

    private static string ComputeDefaultCacheDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(local, "dsl", "cache", "mnist");
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "dsl", "mnist");
    }
}
