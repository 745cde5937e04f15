namespace Dsl.Data;

/// <summary>
/// Discovery of Fashion-MNIST (70,000 grey 28 x 28 images of clothing in ten classes, the MNIST file format), as
/// Debian's package <c>dataset-fashion-mnist</c> installs it, or in any directory holding its four IDX files.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the four <c>.gz</c> files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>What an error says to do when the files are missing.</summary>
    internal const string HowToGetIt =
        "install it with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu; it installs to " + DefaultDirectory + "), " +
        "or pass a directory holding the four Fashion-MNIST IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, " +
        "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each raw or .gz)";

    /// <summary>Finds the four files in <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    /// <exception cref="System.IO.DirectoryNotFoundException">The directory does not exist; the message says how to get the data.</exception>
    /// <exception cref="System.IO.FileNotFoundException">A file is missing; the message says which and how to get the data.</exception>
    public static MnistFiles FindFiles(string? directory = null)
    {
        return MnistFiles.Find(directory ?? DefaultDirectory, "Fashion-MNIST", HowToGetIt);
    }
}
