using System.IO;
using System.IO.Compression;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;

namespace Dsl.Runtime.Tests.Data;

/// <summary>Hand-made broken IDX files: each must fail with a message naming the file, the expectation, the finding and a remedy.</summary>
public class IdxErrorTests
{
    private static readonly byte[] ValidHeader = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4];

    [Fact]
    public void Wrong_magic_is_reported_with_the_bytes_found()
    {
        string message = ReadFails([0x50, 0x4B, 3, 4, 0, 0, 0, 0]);

        Assert.Contains("not an IDX file", message);
        Assert.Contains("two zero bytes", message);
        Assert.Contains("found 504B0304", message);
    }

    [Fact]
    public void Unsupported_type_byte_lists_the_supported_types()
    {
        string message = ReadFails([0, 0, 0x07, 1, 0, 0, 0, 1, 5]);

        Assert.Contains("unsupported element type 0x07", message);
        Assert.Contains("unsigned byte (0x08)", message);
        Assert.Contains("64-bit float (0x0E)", message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Dimension_count_outside_one_to_four_is_rejected(byte rank)
    {
        string message = ReadFails([0, 0, 8, rank, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 9]);

        Assert.Contains($"declares {rank} dimensions: expected 1 to 4", message);
    }

    [Fact]
    public void A_zero_dimension_is_rejected()
    {
        string message = ReadFails([0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 0]);

        Assert.Contains("dimension 2 of 2 is 0: expected every dimension to be > 0", message);
    }

    [Fact]
    public void A_negative_dimension_is_rejected()
    {
        string message = ReadFails([0, 0, 8, 1, 0xFF, 0xFF, 0xFF, 0xFE]);

        Assert.Contains("dimension 1 of 1 is -2", message);
    }

    [Fact]
    public void Dimensions_too_large_for_memory_are_rejected_before_allocating()
    {
        string message = ReadFails([0, 0, 0x0E, 3, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF]);

        Assert.Contains("describe more data than one array can hold", message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_header_shorter_than_its_declared_dims_is_reported(bool gzip)
    {
        string message = ReadFails(ValidHeader[..10], gzip);

        Assert.Contains("the header is truncated: it declares 3 dimension(s), so expected 16 header bytes", message);
        Assert.Contains("ends after 10", message);
    }

    [Fact]
    public void A_file_shorter_than_the_magic_number_is_reported()
    {
        string message = ReadFails([0, 0]);

        Assert.Contains("too short to be IDX: expected a 4-byte magic number, found 2 byte(s)", message);
    }

    [Fact]
    public void Truncated_data_gives_expected_and_found_byte_counts_and_a_remedy()
    {
        string message = ReadFails([.. ValidHeader, .. new byte[20]]);

        Assert.Contains("the file is truncated: expected 24 bytes of data (2 x 3 x 4 x unsigned byte (0x08)) but found 20", message);
        Assert.Contains("delete it and download (or copy) it again", message);
    }

    [Fact]
    public void Truncated_data_counts_use_thousands_separators()
    {
        byte[] header = [0, 0, 8, 3, 0, 0, 0x27, 0x10, 0, 0, 0, 28, 0, 0, 0, 28];

        string message = ReadFails([.. header, .. new byte[1_234_567]]);

        Assert.Contains("expected 7,840,000 bytes of data (10,000 x 28 x 28 x unsigned byte (0x08)) but found 1,234,567", message);
    }

    [Theory]
    [InlineData(false, "the file has 3 byte(s) after the data")]
    [InlineData(true, "the decompressed data has 3 byte(s) after the data")]
    public void Trailing_bytes_are_rejected(bool gzip, string expected)
    {
        string message = ReadFails([.. ValidHeader, .. new byte[24], 1, 2, 3], gzip);

        Assert.Contains(expected, message);
        Assert.Contains("expected exactly 24 data bytes", message);
    }

    [Fact]
    public void A_cut_off_gzip_stream_is_reported_as_such()
    {
        var random = new System.Random(7);
        var pixels = new byte[2 * 3 * 4 * 1000];
        random.NextBytes(pixels);
        byte[] header = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0x0B, 0xB8, 0, 0, 0, 4];
        byte[] gz = Gzip([.. header, .. pixels]);

        string message = ReadRawFails(gz[..(gz.Length / 2)]);

        Assert.Contains("the gzip stream ended early (the .gz file is cut off)", message);
        Assert.Contains("expected 24,000 bytes of data", message);
    }

    [Fact]
    public void A_damaged_gzip_stream_is_reported_as_such()
    {
        byte[] gz = Gzip([.. ValidHeader, .. new byte[24]]);
        for (int i = 10; i < gz.Length - 8; i++)
        {
            gz[i] = 0xFF;
        }

        string message = ReadRawFails(gz);

        Assert.Contains("the gzip stream is damaged", message);
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found_error()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(temp.File("nope.gz")));

        Assert.Contains("nope.gz", error.Message);
    }

    private static string ReadFails(byte[] idx, bool gzip = false) => ReadRawFails(gzip ? Gzip(idx) : idx);

    private static string ReadRawFails(byte[] fileBytes)
    {
        using var temp = new TempDirectory();
        string path = temp.File("broken-idx3-ubyte");
        File.WriteAllBytes(path, fileBytes);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        return error.Message;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }
}
