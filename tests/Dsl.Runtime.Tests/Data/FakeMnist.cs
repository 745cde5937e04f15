using System.IO;
using Dsl.Data;

namespace Dsl.Runtime.Tests.Data;

/// <summary>Small MNIST-format sets written by the tests: pixel values and labels follow the sample index, so loads can be checked exactly.</summary>
internal static class FakeMnist
{
    public const int Side = 28;

    /// <summary>Images [count, 28, 28]: every pixel of sample i is (offset + i) % 256.</summary>
    public static byte[] Images(int count, int offset)
    {
        var bytes = new byte[count * Side * Side];
        for (int i = 0; i < count; i++)
        {
            System.Array.Fill(bytes, (byte)((offset + i) % 256), i * Side * Side, Side * Side);
        }

        return bytes;
    }

    /// <summary>Labels [count]: sample i has label (offset + i) % 10.</summary>
    public static byte[] Labels(int count, int offset)
    {
        var bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bytes[i] = (byte)((offset + i) % 10);
        }

        return bytes;
    }

    /// <summary>Writes the four standard files into <paramref name="directory"/> (gzip'd with <c>.gz</c>, or raw).</summary>
    public static void WriteSet(string directory, int trainCount, int testCount, bool gzip = true)
    {
        string suffix = gzip ? ".gz" : string.Empty;
        IdxWriter.Write(Path.Combine(directory, "train-images-idx3-ubyte" + suffix), [trainCount, Side, Side], Images(trainCount, 0), gzip);
        IdxWriter.Write(Path.Combine(directory, "train-labels-idx1-ubyte" + suffix), [trainCount], Labels(trainCount, 0), gzip);
        IdxWriter.Write(Path.Combine(directory, "t10k-images-idx3-ubyte" + suffix), [testCount, Side, Side], Images(testCount, 100), gzip);
        IdxWriter.Write(Path.Combine(directory, "t10k-labels-idx1-ubyte" + suffix), [testCount], Labels(testCount, 5), gzip);
    }
}
